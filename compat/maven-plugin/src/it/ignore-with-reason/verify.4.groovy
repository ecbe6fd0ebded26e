def log = new File(basedir, 'build.log').text
def last = log.substring(log.lastIndexOf('Building ignore-with-reason'))
assert last.contains('protoshift: against release 0.1.0 (zero-history/0.1.0): no breaking changes; the change needs a MINOR bump; declared 0.1.0 -> 0.1.1')
assert last.contains('BUILD SUCCESS')
return true
