assert new File(basedir, 'build.log').text.contains('PROTOCOL_VERSION: the change needs a MINOR bump but the declared protocol_version 0.1.0 -> 0.1.1 is a PATCH bump; declare 0.2.0 or later')
return true
