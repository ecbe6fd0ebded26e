def log = new File(basedir, 'build.log').text
assert log.contains('not releasing 1.0.1: against release 1.0.0 (edited-history/1.0.0): no breaking changes; the change needs a MINOR bump; declared 1.0.0 -> 1.0.1')
assert new File(basedir, 'edited-history').list() as List == ['1.0.0']
return true
