// The preview as Maven runs it: nothing written by run 1 but the SQL file; run 3 lists the reverts newest first;
// run 4 (rebase) the revert, then the deploy, in one SQL file, both databases untouched. Then a checkout preview in
// a git repository made here: it reads the other branch with git show, checks nothing out, deploys nothing.
import java.nio.file.Files

evaluate(new File(itLib, 'ItSupport.groovy'))
def log = buildLog()
assert log.contains('[INFO] Would deploy 2 changes (preview: nothing is written to the database)')
assert log.contains('[INFO] -- Change: app_users\n')
def sql = new File(basedir, 'target/preview.sql').text
assert sql.startsWith('-- Change: app_users\n-- Script: deploy/app_users.sql\n')
assert sql.contains('-- Change: app_items @v1\n-- Script: deploy/app_items.sql\n')
assert !log.contains('Deployed 0 changes')
assert log.contains('[INFO] Would revert 2 changes')
def reverts = log.substring(log.indexOf('Would revert 2'))
assert reverts.indexOf('-- Change: app_items @v1') < reverts.indexOf('-- Change: app_users')
assert !log.contains('BUILD FAILURE')

def rebase = new File(basedir, 'target/rebase.sql').text
assert rebase.startsWith('-- Change: app_items @v1\n-- Script: revert/app_items.sql\n')
assert rebase.indexOf('-- Script: deploy/app_items.sql') > rebase.indexOf('DROP TABLE app_items')
assert log.contains('[INFO] Would revert 1 change (preview')
assert rows('sqitch.db', "SELECT event || ' ' || change FROM events ORDER BY committed_at") ==
        ['deploy app_users', 'deploy app_items']
assert tables('app.db') == ['app_items', 'app_users']
assert !new File(basedir, 'sqitch.db.lock').exists()

// checkout: main has app_users and app_items (deployed); the branch feature adds app_tags after them.
File work = new File(basedir, 'checkout-work')
work.mkdirs()
['sqitch.conf', 'sqitch.plan'].each { Files.copy(new File(basedir, it).toPath(), new File(work, it).toPath()) }
['deploy', 'revert'].each { dir ->
    new File(work, dir).mkdirs()
    new File(basedir, dir).listFiles().each { Files.copy(it.toPath(), new File(work, "$dir/$it.name").toPath()) }
}
new File(work, '.gitignore').text = '*.db\n'
new File(work, 'sqitch.conf') << '[engine "sqlite"]\n\ttarget = db:sqlite:app.db\n'
Map<String, String> env = new TreeMap<>(System.getenv())
env.keySet().removeIf { it.startsWith('SQITCH_') || it in ['MAVEN_ARGS', 'MAVEN_CONFIG'] }
env.putAll([SQITCH_USER_CONFIG: '/nonexistent/user.conf', SQITCH_SYSTEM_CONFIG: '/nonexistent/sqitch.conf',
            TZ: 'UTC', GIT_AUTHOR_NAME: 'Tester', GIT_AUTHOR_EMAIL: 'tester@example.com',
            GIT_COMMITTER_NAME: 'Tester', GIT_COMMITTER_EMAIL: 'tester@example.com',
            MAVEN_OPTS: '-XX:TieredStopAtLevel=1'])
def run = { List<String> command ->
    def pb = new ProcessBuilder(command).directory(work).redirectErrorStream(true)
    pb.environment().clear()
    pb.environment().putAll(env)
    def p = pb.start()
    String out = p.inputStream.getText('UTF-8')
    assert p.waitFor() == 0: "${command.join(' ')}:\n$out"
    return out
}
run(['git', 'init', '-q', '-b', 'main', '.'])
run(['git', 'add', '.'])
run(['git', 'commit', '-qm', 'base'])
run(['git', 'checkout', '-q', '-b', 'feature'])
new File(work, 'sqitch.plan') << 'app_tags [app_items] 2026-01-01T00:02:00Z Tester <tester@example.com> # Adds app_tags.\n'
new File(work, 'deploy/app_tags.sql').text = 'CREATE TABLE app_tags (id INTEGER PRIMARY KEY);\n'
new File(work, 'revert/app_tags.sql').text = 'DROP TABLE app_tags;\n'
run(['git', 'add', '.'])
run(['git', 'commit', '-qm', 'app_tags'])
run(['git', 'checkout', '-q', 'main'])
List<String> mvn = [mavenExecutable(), '-B', '-ntp', '-Dstyle.color=never', '-s', itSettings().path,
                    "-Dmaven.repo.local=${itRepository()}".toString(), '-f', new File(basedir, 'pom.xml').path,
                    '-Dsqlitch.chdir=checkout-work']
run(mvn + ['sqlitch:deploy'])
String preview = run(mvn + ['sqlitch:checkout', '-Dsqlitch.branch=feature', '-Dsqlitch.dryRun'])
assert preview.contains('[INFO] Last change before the branches diverged: app_items @v1\n' +
        '[INFO] Nothing to revert\n' +
        '[INFO] Would deploy 1 change (preview: nothing is written to the database)\n' +
        '[INFO] -- Change: app_tags\n[INFO] -- Script: deploy/app_tags.sql\n' +
        '[INFO] CREATE TABLE app_tags (id INTEGER PRIMARY KEY);\n'): preview
assert run(['git', 'rev-parse', '--abbrev-ref', 'HEAD']) == 'main\n'
assert run(['git', 'status', '--porcelain']) == ''
assert !new File(work, 'deploy/app_tags.sql').exists()
assert tables('checkout-work/app.db') == ['app_items', 'app_users']
true
