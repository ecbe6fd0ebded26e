def log = new File(basedir, 'build.log').text
assert log.contains('src/no-reason/proto/arena/v1/arena.proto:11: "protoshift:ignore FIELD_NO_DELETE" gives no reason; write why the change is safe after the rule id')
return true
