assert new File(basedir, 'build.log').text.contains('protoshift configuration: use: "FIELD_NO_DELET" is neither a rule id nor a category')
return true
