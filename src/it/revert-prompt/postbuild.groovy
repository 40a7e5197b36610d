import java.util.concurrent.TimeUnit

// Sqitch reads the prompt's answer from standard input whether or not it is a terminal; so does the plugin.
File base = basedir
evaluate(new File(itLib, 'ItSupport.groovy'))
String mvn = mavenExecutable()
File settings = itSettings()
String repo = itRepository()

List<String> changes() { rows('sqitch.db', 'SELECT change FROM changes ORDER BY committed_at') }

/** One interactive Maven run (no -B) with {@code input} on its standard input (null: end of input at once). */
Map maven(String mvn, File settings, String repo, String goal, String input) {
    List<String> cmd = [mvn, '-ntp', '-Dstyle.color=never', '-s', settings.path, "-Dmaven.repo.local=$repo".toString(),
                        '-f', new File(basedir, 'pom.xml').path, "sqlitch:$goal".toString(),
                        '-Dsqlitch.target=db:sqlite:app.db']
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true)
    // CI=true would put Maven in batch mode by itself.
    pb.environment().remove('CI')
    pb.environment().putAll([SQITCH_USER_CONFIG: '/nonexistent/user.conf', SQITCH_SYSTEM_CONFIG: '/nonexistent/sqitch.conf',
                             TZ: 'UTC', MAVEN_OPTS: '-XX:TieredStopAtLevel=1'])
    File stdin = File.createTempFile('answer', '.txt')
    stdin.setText(input ?: '', 'UTF-8')
    pb.redirectInput(stdin)
    Process p = pb.start()
    String log = p.inputStream.getText('UTF-8')
    assert p.waitFor(300, TimeUnit.SECONDS)
    stdin.delete()
    new File(basedir, "prompt-${goal}-${System.nanoTime()}.log").setText(log, 'UTF-8')
    return [log: log, rc: p.exitValue()]
}

def both = ['app_users', 'app_items']
assert changes() == both

// n: nothing reverted, the build succeeds (Sqitch's soft "Nothing reverted").
def r = maven(mvn, settings, repo, 'revert', 'n\n')
assert r.rc == 0: r.log
assert r.log.contains('[INFO] Revert all changes from db:sqlite:app.db? [Yes] n\n'): r.log
assert r.log.contains('[INFO] Nothing reverted'): r.log
assert changes() == both

// An empty line: the default, Yes.
r = maven(mvn, settings, repo, 'revert', '\n')
assert r.rc == 0: r.log
assert r.log =~ /\[INFO\]   - app_users \.+ ok/: r.log
assert changes() == []
assert maven(mvn, settings, repo, 'deploy', null).rc == 0
assert changes() == both

// The end of input: Sqitch's unattended answer, the default, printed after the question.
r = maven(mvn, settings, repo, 'revert', null)
assert r.rc == 0: r.log
assert r.log.contains('[INFO] Revert all changes from db:sqlite:app.db? [Yes] Yes\n'): r.log
assert changes() == []
assert maven(mvn, settings, repo, 'deploy', null).rc == 0

// revert.prompt_accept = false makes No the default: the end of input reverts nothing, y still reverts.
new File(base, 'sqitch.conf').append('[revert]\n\tprompt_accept = false\n', 'UTF-8')
r = maven(mvn, settings, repo, 'revert', null)
assert r.rc == 0: r.log
assert r.log.contains('[INFO] Revert all changes from db:sqlite:app.db? [No] No\n'): r.log
assert r.log.contains('[INFO] Nothing reverted'): r.log
assert changes() == both
r = maven(mvn, settings, repo, 'revert', 'y\n')
assert r.rc == 0: r.log
assert r.log.contains('[INFO] Revert all changes from db:sqlite:app.db? [No] y\n'): r.log
assert changes() == []
