// The deleted field restored: 1.1.0 (1.0.0 plus Player.name) ships.
def proto = new File(basedir, 'src/main/proto/arena/v1/arena.proto')
proto.text = proto.text.replace('  string name = 5;\n', '  int32 score = 4;\n  string name = 5;\n')
assert proto.text.contains('int32 score = 4;')
return true
