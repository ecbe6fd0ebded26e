def log = new File(basedir, 'build.log').text
assert log.contains('protoshift: against release 1.0.0 (src/main/proto-history/1.0.0): no breaking changes; the change needs a MINOR bump; declared 1.0.0 -> 1.1.0')
def jar = new java.util.zip.ZipFile(new File(basedir, 'target/arena-protocol-1.0-SNAPSHOT.jar'))
def root = 'META-INF/protoshift/schemas/arena-protocol/'
assert jar.getEntry(root + 'descriptor.binpb') != null
assert jar.getEntry(root + 'history/1.0.0.binpb') != null
assert jar.getInputStream(jar.getEntry(root + 'history/versions.txt')).text == '1.0.0\n'
jar.close()
return true
