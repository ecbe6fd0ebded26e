def log = new File(basedir, 'build.log').text
assert log.contains('protoshift: against release 1.0.0 (src/main/proto-history/1.0.0): no breaking changes (1 ignored); the change needs a PATCH bump; declared 1.0.0 -> 2.0.0')
def json = new File(basedir, 'target/protoshift/compat.json').text
assert json.contains('"rule" : "FIELD_NO_DELETE"')
assert json.contains('"ignored" : true')
assert json.contains('"ignore_reason" : "no released client ever read score (checked in analytics)"')
return true
