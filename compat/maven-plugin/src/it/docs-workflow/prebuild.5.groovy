// The page's bump: declare what suggest-version said.
def proto = new File(basedir, 'src/main/proto/arena/v1/arena.proto')
def suggested = new File(basedir, 'target/protoshift/suggested-version.txt').text.trim()
assert suggested == '1.1.0'
proto.text = proto.text.replace('protocol_version) = "1.0.0"', "protocol_version) = \"${suggested}\"")
assert proto.text.contains('"1.1.0"')
return true
