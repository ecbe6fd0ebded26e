def log = new File(basedir, 'build.log').text
assert log.contains('release 1.1.0 exists already (src/main/proto-history/1.1.0): a release is frozen. Bump protocol_version (mvn protoshift:suggest-version says to what) and release that.')
assert new File(basedir, 'src/main/proto-history').list().sort() == ['1.0.0', '1.1.0']
return true
