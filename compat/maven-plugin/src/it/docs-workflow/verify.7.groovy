def log = new File(basedir, 'build.log').text
assert log.contains('protoshift: released 1.1.0: 1 file of src/main/proto frozen in src/main/proto-history/1.1.0 (after release 1.0.0 (src/main/proto-history/1.0.0)); commit it')
assert new File(basedir, 'src/main/proto-history/1.1.0/arena/v1/arena.proto').text.contains('string name = 5;')
return true
