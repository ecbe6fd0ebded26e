def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/proto/arena/v1/arena.proto:10:1: FIELD_NO_DELETE: Previously present field "4" with name "score" on message "Player" was deleted.')
assert log.contains('protoshift: against it.protoshift:arena-schema:1.0.0: 1 breaking change; the change needs a MAJOR bump; declared 1.0.0 -> 1.1.0')
return true
