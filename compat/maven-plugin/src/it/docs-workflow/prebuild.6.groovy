// A field deleted: Scores.java still reads it.
def proto = new File(basedir, 'src/main/proto/arena/v1/arena.proto')
proto.text = proto.text.replace('  int32 score = 4;\n', '')
assert !proto.text.contains('score')
return true
