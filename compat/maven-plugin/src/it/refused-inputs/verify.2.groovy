assert new File(basedir, 'build.log').text.contains('against = "svn:trunk": expected history, history:VERSION, git:REF[:SUBDIR], maven:GROUP:ARTIFACT[:VERSION] or released')
return true
