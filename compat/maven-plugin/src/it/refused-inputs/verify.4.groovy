assert new File(basedir, 'build.log').text.contains('bad-history/latest: a frozen release\'s folder is named by its version, MAJOR.MINOR.PATCH (e.g. 1.2.0), was "latest"')
return true
