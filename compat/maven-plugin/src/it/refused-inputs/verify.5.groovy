def log = new File(basedir, 'build.log').text
assert log.contains('the schema (src/broken/proto) does not compile:')
assert log.contains('arena/v1/arena.proto:12:3: "Score" is not defined.')
return true
