def log = new File(basedir, 'build.log').text
def help = log.substring(log.lastIndexOf('protoshift:check'))
assert help.contains('Compares the project\'s schema with the previous one')
assert help.contains('against (Default: history)')
assert help.contains('User property: protoshift.against')
return true
