def log = new File(basedir, 'build.log').text
def last = log.substring(log.lastIndexOf(':check (default) @ arena-protocol'))
assert last.contains('[ERROR] src/main/proto/arena/v1/arena.proto:12:1: FIELD_NO_DELETE: Previously present field "4" with name "score" on message "Player" was deleted.')
assert last.contains('[ERROR] src/main/proto/arena/v1/arena.proto:7:1: PROTOCOL_VERSION: the change needs a MAJOR bump but the declared protocol_version 1.0.0 -> 1.1.0 is a MINOR bump; declare 2.0.0 or later')
assert last.contains('[ERROR] protoshift: against release 1.0.0 (src/main/proto-history/1.0.0): 1 breaking change; the change needs a MAJOR bump; declared 1.0.0 -> 1.1.0 (reports: target/protoshift)')
// The check ran before javac, which would have failed on Scores.java's getScore().
assert !last.contains('COMPILATION ERROR')
assert !last.contains('cannot find symbol')
return true
