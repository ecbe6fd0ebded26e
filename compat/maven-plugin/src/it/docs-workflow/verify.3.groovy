def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/proto/arena/v1/arena.proto:7:1: PROTOCOL_VERSION: the change needs a MINOR bump but the declared protocol_version 1.0.0 -> 1.0.0 is unchanged; declare 1.1.0 or later')
def json = new File(basedir, 'target/protoshift/compat.json').text
assert json.contains('"required_bump" : "MINOR"')
assert new File(basedir, 'target/protoshift/compat.sarif').isFile()
assert new File(basedir, 'target/protoshift/TEST-protoshift-compat.xml').text.contains('failures="1"')
return true
