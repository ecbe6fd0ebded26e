assert new File(basedir, 'build.log').text.contains('bad.yaml: unknown key breaking.usee (known: [disable_builtin, except, ignore, ignore_only, ignore_unstable_packages, use])')
return true
