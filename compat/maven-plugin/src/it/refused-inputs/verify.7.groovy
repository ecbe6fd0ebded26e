assert new File(basedir, 'build.log').text.contains('schemaName "Arena/Schema" must match [a-z0-9][a-z0-9._-]{0,63}')
return true
