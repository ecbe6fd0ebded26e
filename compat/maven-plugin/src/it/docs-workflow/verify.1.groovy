def log = new File(basedir, 'build.log').text
assert log.contains('protoshift: no frozen release in src/main/proto-history yet, nothing to compare with')
def out = new File(basedir, 'target/classes/META-INF/protoshift/schemas/arena-protocol')
assert new File(out, 'descriptor.binpb').isFile()
assert new File(out, 'history/versions.txt').text == ''
return true
