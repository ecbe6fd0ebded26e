def log = new File(basedir, 'build.log').text
assert log.contains('cannot resolve it.protoshift:arena-schema:jar:0.9.0 to compare with')
return true
