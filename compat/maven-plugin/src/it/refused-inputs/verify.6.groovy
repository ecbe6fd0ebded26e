assert new File(basedir, 'build.log').text.contains('the current schema declares 1.0.0, which is released, but differs from release 1.0.0')
return true
