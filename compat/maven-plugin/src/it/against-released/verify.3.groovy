def log = new File(basedir, 'build.log').text
def last = log.substring(log.lastIndexOf('Building arena-schema'))
assert last.contains('[WARNING] src/main/proto/arena/v1/arena.proto:10:1: FIELD_NO_DELETE: Previously present field "4" with name "score" on message "Player" was deleted.')
assert last.contains('BUILD SUCCESS')
return true
