def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] protoshift: declare 1.1.0: the change needs a MINOR bump from release 1.0.0 (src/main/proto-history/1.0.0); the schema declares 1.0.0, which does not fit')
return true
