evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
assert log.contains('[INFO] sqlite\n')
assert log.contains('[WARNING] sqlitch.list is deprecated: use -Dsqlitch.action=list\n')
assert log.contains('[INFO] core.engine=sqlite\n')
assert log =~ /Failed to execute goal .*:config .*: Unknown config action "everything"; sqlitch.action is one of get, getAll, getRegexp, add, replaceAll, unset, unsetAll, renameSection, removeSection, list/
