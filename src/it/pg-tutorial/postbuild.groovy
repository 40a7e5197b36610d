// The Sqitch PostgreSQL tutorial, replayed step by step as Maven invocations and compared with real Sqitch 1.3.1.
//
// oracle/ is ../shared/pg/oracle: transcript NNN-slug.{cmd,cwd,out,err,rc} recorded by record-pg-oracle.sh (real
// sqitch + psql 15 + PostgreSQL 15, fresh HOME, SQITCH_USER_CONFIG=$HOME/.sqitch/sqitch.conf, SQITCH_SYSTEM_CONFIG
// nonexistent, TZ=UTC, LC_ALL=C.UTF-8, EDITOR=true, stdin /dev/null, PGHOST/PGPORT/PGUSER and no other PG*), final/
// (every project file at the end) and dumps/ (registry rows, registry and app schema of flipr_test/dev/prod).
// The steps run under work/ against the test cluster SQLITCH_TEST_PGHOST/PORT/USER (.ci/pg-cluster.sh):
//   - a `sqitch ...` step becomes `mvn -B sqlitch:<goal> -Dsqlitch.chdir=work/<cwd> -D...` (../lib/TutorialReplay);
//     the tutorial sets engine.pg.client to /usr/bin/psql, so the plugin runs the scripts through the real psql too;
//   - every other step (createdb, psql -c, cat > file <<'EOF', mv, tar, the sim-* steps) runs with bash as recorded.
// The databases flipr_test, flipr_dev and flipr_prod are dropped first, so a rerun starts as the recording did.
// Compared: every step's stdout/stderr/exit status, the final files, and per database the registry rows and the
// pg_dump of the registry and app schemas, all normalised as ../shared/pg/normalize-pg.sh (ids and times masked: the
// change ids hash the plan's timestamps, which are those of this run). Registry rows keep every id that both sides
// share (script hashes) and number the others by first appearance, so a wrong reference between rows still shows.
//
// Without the cluster the IT fails under -Dsqlitch.requireOracle (CI) and otherwise passes without replaying.
// Run:        mvn -B -o -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.test=pg-tutorial verify
// Self-check: add -Dtutorial.selfCheck to run the sqitch steps with real Sqitch (needs sqitch and DBD::Pg): all 164
//             steps, the final files and the dumps must match, which tests the harness itself.

import java.nio.file.Path

// Steps still expected to differ, each with its reason ('reason': 'NNN NNN ...', or 'final', 'registry').
// A step listed here that now matches is reported ("stale gap") so the list can be shrunk; it does not fail.
KNOWN_GAPS = [:]

// Deliberate Maven-side differences: step number -> [reason, closure rewriting the expected (Sqitch) stdout,
// optionally one rewriting its stderr].
DELIBERATE = [
    // Rule 8: a batch Maven session never prompts. `sqitch revert` without -y answers its own prompt when
    // unattended (`... [Yes] Yes`); `mvn -B` needs -Dsqlitch.yes and then prints -y's line instead of the prompt.
    '026': ['batch mode: -Dsqlitch.yes replaces the unattended prompt',
            { String out -> out.replace('Revert all changes from db:pg:flipr_test? [Yes] Yes\n',
                                        'Reverting all changes from db:pg:flipr_test\n') }],
]
// The build's final error is Sqitch's message followed by what failed, where, and the server's error (issue 9).
['021': 'schema "nonesuch" does not exist', '023': 'division by zero'].each { String step, String error ->
    DELIBERATE[step] = ['the final error names the change, script and line, database and the server\'s error',
                        { String out -> out },
                        { String err -> err.replace('Verify failed\n', 'Verify failed: appschema (verify/appschema.sql '
                                + "line 5) on db:pg:flipr_test: ERROR:  $error\n") }]
}

// psql pads its aligned tables to the widest value; now() prints with its trailing zeros trimmed, so these columns'
// widths vary from run to run (normalize-pg.sh's note): runs of blanks and dashes are compared as one.
PADDED_TABLES = ['124', '137', '139'] as Set
DATABASES = ['flipr_test', 'flipr_dev', 'flipr_prod']

// ---------------------------------------------------------------------------------------------------------------

File base = basedir
evaluate(new File(itLib, 'ItSupport.groovy'))
TutorialReplay = tutorialReplay()

String pgHost = System.getenv('SQLITCH_TEST_PGHOST'), pgPort = System.getenv('SQLITCH_TEST_PGPORT')
String pgUser = System.getenv('SQLITCH_TEST_PGUSER') ?: 'postgres'
String require = System.getProperty('sqlitch.requireOracle')
List<String> missing = []
if (!pgHost || !pgPort) missing << 'the PostgreSQL test cluster (SQLITCH_TEST_PGHOST/SQLITCH_TEST_PGPORT, see .ci/pg-cluster.sh)'
['psql', 'createdb', 'pg_dump'].each { if (!TutorialReplay.onPath(it)) missing << it }
if (!missing) {
    // As PgServer.find(): a cluster that does not answer counts as absent.
    Map probe = TutorialReplay.run(['psql', '-X', '-At', '-d', 'postgres', '-c', 'SELECT 1'], base,
                                   System.getenv() + [PGHOST: pgHost, PGPORT: pgPort, PGUSER: pgUser])
    if (probe.rc != 0) missing << "a PostgreSQL server answering at $pgHost:$pgPort (${probe.err.trim()})".toString()
}
if (missing) {
    if (require != null && !require.equalsIgnoreCase('false')) {
        throw new AssertionError("${missing.join(', ')} missing, and -Dsqlitch.requireOracle requires it".toString())
    }
    println "[pg-tutorial] skipped: ${missing.join(', ')} missing (-Dsqlitch.requireOracle makes this a failure)"
    return true
}

Path oracle = base.toPath().resolve('oracle')
Path work = TutorialReplay.freshWork(base)
boolean selfCheck = System.getProperty('tutorial.selfCheck') != null && TutorialReplay.onPath('sqitch')

// record-pg-oracle.sh's oracle_env: no inherited SQITCH_*, PG* (but the cluster's), pager, editor or psqlrc.
Map<String, String> env = TutorialReplay.hermeticEnv(work, { String name -> name.startsWith('PG') || name == 'PSQLRC' },
                                                     [PGHOST: pgHost, PGPORT: pgPort, PGUSER: pgUser])

// A rerun (or another run on this cluster) must find the tutorial's databases absent, as createdb expects.
DATABASES.each { String db ->
    Map r = TutorialReplay.run(['psql', '-X', '-q', '-d', 'postgres', '-c', "DROP DATABASE IF EXISTS $db WITH (FORCE)".toString()],
                               base, env)
    if (r.rc != 0) throw new IllegalStateException("Cannot drop $db on $pgHost:$pgPort: ${r.err}".toString())
}

def replay = TutorialReplay.newInstance(name: 'pg-tutorial', base: base, transcript: oracle, work: work, env: env,
        mvn: mavenExecutable(), settings: itSettings(), repo: itRepository(), selfCheck: selfCheck,
        deliberate: DELIBERATE, knownGaps: TutorialReplay.byStep(KNOWN_GAPS),
        normalize: { String text, String step -> normalize(text, work, step in PADDED_TABLES) })
println "[pg-tutorial] maven: ${replay.mvn}, cluster: $pgHost:$pgPort as $pgUser"
replay.warmUp()
replay.replaySteps()

// The final state: every project file and the user config, as Sqitch left them.
List<String> finalDiffs = replay.diffFinal(oracle.resolve('final'), ['flipr', 'flipr-main', 'home'])
replay.finalDiffs('final', 'final files', finalDiffs)

// Each database as record-pg-oracle.sh's dump_db left it: registry rows, registry schema, app schema.
List<String> dbDiffs = DATABASES.collectMany { String db ->
    Map<String, String> expected = [:], actual = [:]
    ['registry-rows.txt', 'registry-schema.sql', 'app-schema.sql'].each { String kind ->
        // pg_dump's own version line goes on both sides: the client here may be another 15.x than the recording's.
        Closure<String> unversioned = { String text -> text.replaceAll('(?m)^-- Dumped by pg_dump version .*\n', '') }
        expected["${db}.${kind}".toString()] = unversioned(TutorialReplay.read(oracle.resolve("dumps/${db}.${kind}")))
        actual["${db}.${kind}".toString()] = unversioned(dump(db, kind, base, env))
    }
    String name = "${db}.registry-rows.txt".toString()
    List<String> rows = labelIds(expected[name], actual[name])
    expected[name] = rows[0]
    actual[name] = rows[1]
    replay.diffFiles('dumps', expected, actual)
}
replay.finalDiffs('registry', 'databases', dbDiffs)
replay.finish("final files ${finalDiffs ? 'differ' : 'match'}; databases ${dbDiffs ? 'differ' : 'match'}")
return true

// ---------------------------------------------------------------------------------------------------------------

/** ../shared/pg/normalize-pg.sh, plus our work directory as <WORK>; padded: psql column padding squeezed. */
String normalize(String text, Path work, boolean padded) {
    String s = TutorialReplay.mask(text, work, [
        ['/tmp/pgoracle/[A-Za-z0-9._-]+', '<WORK>'],
        ['127\\.0\\.0\\.1:[0-9]{4,5}', '127.0.0.1:<PORT>'],
        ['port=[0-9]{4,5}', 'port=<PORT>'],
        ['PGPORT=[0-9]{4,5}', 'PGPORT=<PORT>'],
        ['port [0-9]{4,5} failed', 'port <PORT> failed'],
        ['[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?[+-][0-9]{2}(:[0-9]{2})?', '<PGTS>'],
        ['[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z', '<YYYY-MM-DDTHH:MM:SSZ>'],
        ['[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}', '<YYYY-MM-DD HH:MM:SS +ZZZZ>'],
        ['(?m)^([A-Za-z0-9_.]+ [^ ]+ )\\[[0-9]+\\] ', '$1[<PID>] '],
        ['0x[0-9a-f]+', '0x<ADDR>'],
        ['\\(eval [0-9]+\\)', '(eval <N>)'],
        ['\\$1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}', '<MD5CRYPT>'],
        ['(?m)^[0-9a-f]{4,39} (deploy|revert|fail|merge) ', '<ID-ABBREV> $1 '],
        ['[0-9a-f]{40}', '<SHA1>'],
    ])
    return padded ? s.replaceAll(' +', ' ').replaceAll('-+', '-') : s
}

/**
 * Both sides' registry rows with each 40-hex id that only one side has replaced by <ID-n>, n counting the distinct
 * ids by first appearance on that side: ids the plan's timestamps decide (change and tag ids) then compare by where
 * they recur, and ids both sides share (script hashes, which hash the same script files) stay as they are.
 */
static List<String> labelIds(String expected, String actual) {
    Set<String> e = (expected =~ /[0-9a-f]{40}/).collect { it } as Set
    Set<String> a = (actual =~ /[0-9a-f]{40}/).collect { it } as Set
    Set<String> shared = e.intersect(a)
    [expected, actual].collect { String text ->
        Map<String, String> labels = [:]
        text.replaceAll(/[0-9a-f]{40}/) { String id ->
            id in shared ? id : labels.computeIfAbsent(id) { "<ID-${labels.size() + 1}>".toString() }
        }
    }
}

/** record-pg-oracle.sh's dump_db for one database and one kind of file (TutorialReplay: the binding's class). */
String dump(String db, String kind, File dir, Map<String, String> env) {
    if (kind == 'registry-rows.txt') {
        Map<String, String> orders = [releases: 'ORDER BY version', projects: 'ORDER BY project',
            dependencies: 'ORDER BY (SELECT c.committed_at FROM "sqitch".changes c WHERE c.change_id = x.change_id), dependency']
        return ['releases', 'projects', 'changes', 'tags', 'dependencies', 'events'].collect { String t ->
            Map r = TutorialReplay.run(['psql', '-X', '-A', '-d', db, '-P', 'pager=off', '-P', 'null=<NULL>', '-c',
                                        "SELECT * FROM \"sqitch\".\"$t\" x ${orders[t] ?: 'ORDER BY committed_at'}".toString()],
                                       dir, env + [PGTZ: 'UTC'])
            "== sqitch.$t\n".toString() + r.out + r.err
        }.join('')
    }
    List<String> what = kind == 'app-schema.sql' ? ['--exclude-schema=sqitch'] : ['--schema=sqitch']
    Map r = TutorialReplay.run(['pg_dump', '-d', db] + what + ['--schema-only', '--no-owner', '--no-privileges'], dir, env)
    return (r.out + r.err).readLines().findAll { !(it ==~ /-- Dumped (from|by) database version.*/) && !(it ==~ /\\(un)?restrict .*/) }
            .collect { it + '\n' }.join('')
}
