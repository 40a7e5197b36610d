// sqlitch:help -Ddetail describes every goal and its parameters with their properties.
evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
assert log.contains('sqlitch:init')
assert log.contains('User property: sqlitch.project')
assert log.contains('User property: sqlitch.uri')
assert log.contains('BUILD SUCCESS')

// The full listing (second run): every goal, and a few parameters of the goals users script most.
def all = log.substring(log.lastIndexOf('Scanning for projects'))
['add', 'bundle', 'check', 'checkout', 'config', 'deploy', 'engine', 'init', 'log', 'plan', 'rebase', 'revert',
 'rework', 'show', 'status', 'tag', 'target', 'upgrade', 'verify'].each { goal ->
    assert all.contains("\nsqlitch:${goal}\n") : "help lists sqlitch:${goal}"
}
// The text of one goal's section: from its heading to the next goal's.
def section = { String goal ->
    int from = all.indexOf("\nsqlitch:${goal}\n")
    int to = all.indexOf('\nsqlitch:', from + 1)
    all.substring(from, to < 0 ? all.length() : to)
}
def deploy = section('deploy')
['sqlitch.toChange', 'sqlitch.mode', 'sqlitch.verify', 'sqlitch.target', 'sqlitch.skip', 'sqlitch.chdir'].each {
    assert deploy.contains("User property: ${it}") : "deploy documents ${it}"
}
assert deploy.contains('pre-integration-test')
['status', 'log', 'plan'].each { goal ->
    def s = section(goal)
    assert s.contains('User property: sqlitch.jsonFile') : "${goal} documents sqlitch.jsonFile"
    assert s.contains('JSON')
}
assert section('revert').contains('User property: sqlitch.yes')
assert section('add').contains('User property: sqlitch.requires')
// @since is a Javadoc tag (in the descriptor), not text leaking into the descriptions.
assert !all.contains('@since')
