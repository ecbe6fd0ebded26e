def log = new File(basedir, 'build.log').text
assert log.contains('protoshift: released 1.0.0: 1 file of src/main/proto frozen in src/main/proto-history/1.0.0 (the first release); commit it')
assert new File(basedir, 'src/main/proto-history/1.0.0/arena/v1/arena.proto').text.contains('int32 score = 4;')
return true
