def log = new File(basedir, 'build.log').text
def last = log.substring(log.lastIndexOf(':check (default) @ arena-protocol'))
assert last.contains('[ERROR] src/main/proto/arena/v1/arena.proto:12:1: FIELD_NO_DELETE: Previously present field "4" with name "score" on message "Player" was deleted.')
assert !last.contains('COMPILATION ERROR')
assert !last.contains('cannot find symbol')
return true
