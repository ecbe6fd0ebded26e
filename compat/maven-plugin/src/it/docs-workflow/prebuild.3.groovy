// The page's edit: a new field in Player, the declared version left at 1.0.0.
def proto = new File(basedir, 'src/main/proto/arena/v1/arena.proto')
proto.text = proto.text.replace('  int32 score = 4;\n', '  int32 score = 4;\n  string name = 5;\n')
assert proto.text.contains('string name = 5;')
return true
