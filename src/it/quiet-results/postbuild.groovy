// build.log is what a script captures from `mvn -q`: the result lines, unprefixed, and nothing else.
evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
assert !log.contains('[INFO]') && !log.contains('[WARNING]') && !log.contains('BUILD SUCCESS')

def lines = log.readLines()
def summary = lines.findAll { it ==~ /(Deployed|Reverted) \d+ changes? in \d+\.\d\d s/ }
assert summary.size() == 2
assert summary[0].startsWith('Deployed 2 changes in ')
assert summary[1].startsWith('Reverted 2 changes in ')
assert lines.count('0 changes undeployed') == 1
assert lines.count('sqlite') == 1
assert lines.count('@v1') == 1 // tag's list
assert !lines.any { it.startsWith('  + ') || it.startsWith('  - ') } // progress lines stay silent

// Differential: each result block is exactly what real sqitch prints for the same command (when installed).
def sqitch = ['sqitch', '/usr/bin/sqitch'].find { name ->
    try { def p = [name, '--version'].execute(); p.waitFor(); p.exitValue() == 0 } catch (IOException e) { false }
}
def run(String sqitch, List<String> args) {
    def env = ['SQITCH_USER_CONFIG=/nonexistent/user.conf', 'SQITCH_SYSTEM_CONFIG=/nonexistent/sqitch.conf',
               'TZ=UTC', 'LC_ALL=C.UTF-8', 'PATH=' + System.getenv('PATH'), 'HOME=' + System.getenv('HOME')]
    def p = ([sqitch] + args).execute(env, basedir)
    def out = new StringBuilder(); p.consumeProcessOutput(out, new StringBuilder()); p.waitFor()
    out.toString()
}
if (sqitch != null) {
    // The revert ran last: status/log were printed while both changes were deployed, so deploy again for them.
    run(sqitch, ['deploy', 'db:sqlite:quiet.db'])
    def expected = [
        run(sqitch, ['status', 'db:sqlite:quiet.db']),
        run(sqitch, ['plan', '--oneline']),
        run(sqitch, ['show', 'deploy', 'app_items']),
        run(sqitch, ['config', 'core.engine']),
        run(sqitch, ['tag']),
    ]
    // Only the deploy time differs (sqitch's status reads the redeploy).
    def masked = { String text -> text.replaceAll(/(?m)^# Deployed: .*$/, '# Deployed: <time>') }
    expected.each { block ->
        assert masked(log).contains(masked(block)) : "sqitch's output is not in build.log:\n$block"
    }
    // log lists the events: ours had two deploy events then; sqitch's now ends with the revert and redeploy.
    def ours = lines.findAll { it ==~ /[0-9a-f]{40} deploy app:.*/ }
    assert ours.size() == 2
    def theirs = run(sqitch, ['log', 'db:sqlite:quiet.db', '--format', 'oneline']).readLines()
    assert theirs.takeRight(2) == ours
} else {
    assert lines.contains('# On database db:sqlite:quiet.db')
    assert lines.contains('Nothing to deploy (up-to-date)')
}
true
