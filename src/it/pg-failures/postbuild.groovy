// Failures on PostgreSQL through a real Maven, one Maven process per case, against the test cluster that
// .ci/pg-cluster.sh starts (SQLITCH_TEST_PGHOST/PORT/USER/BIN). Without it the IT is skipped with a message, or
// fails under -Dsqlitch.requireOracle (CI), as the differential tests do.
evaluate(new File(itLib, 'ItSupport.groovy'))

String host = System.getenv('SQLITCH_TEST_PGHOST')
String port = System.getenv('SQLITCH_TEST_PGPORT')
String user = System.getenv('SQLITCH_TEST_PGUSER') ?: 'postgres'
String required = System.getProperty('sqlitch.requireOracle')
boolean require = required != null && !required.equalsIgnoreCase('false')
if (!host || !port) {
    assert !require: 'the PostgreSQL test cluster (SQLITCH_TEST_PGHOST/SQLITCH_TEST_PGPORT, see .ci/pg-cluster.sh)' +
            ' is missing, and -Dsqlitch.requireOracle requires it'
    println '[pg-failures] skipped: no PostgreSQL test cluster (SQLITCH_TEST_PGHOST/SQLITCH_TEST_PGPORT, see' +
            ' .ci/pg-cluster.sh); -Dsqlitch.requireOracle makes this a failure'
    return true
}
String bin = System.getenv('SQLITCH_TEST_PGBIN')
String psql = ['/usr/bin/psql', bin ? "$bin/psql" : null].find { it && new File(it).canExecute() }
assert psql: 'psql is missing'
File sqitch = new File('/usr/bin/sqitch')
assert sqitch.canExecute() || !require: 'sqitch is missing, and -Dsqlitch.requireOracle requires it'

File base = basedir as File
String mvn = mavenExecutable()
String suffix = ProcessHandle.current().pid().toString()
Map<String, String> env = new TreeMap<>(System.getenv())
env.keySet().removeIf { it.startsWith('SQITCH_') || it.startsWith('PG') || it in ['MAVEN_ARGS', 'MAVEN_CONFIG'] }
env.putAll([SQITCH_USER_CONFIG: '/nonexistent/user.conf', SQITCH_SYSTEM_CONFIG: '/nonexistent/sqitch.conf', TZ: 'UTC',
            LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', MAVEN_OPTS: '-XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8'])

// Runs a command in dir; its output (stdout and stderr) is kept in <name>.log beside the IT for a failure's reader.
def run = { String name, File dir, List<String> cmd, Map<String, String> extra = [:] ->
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true)
    pb.environment().clear()
    pb.environment().putAll(env)
    pb.environment().putAll(extra)
    pb.redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
    Process p = pb.start()
    String out = p.inputStream.getText('UTF-8')
    int rc = p.waitFor()
    new File(base, name + '.log').setText(out, 'UTF-8')
    return [out: out, rc: rc]
}
def maven = { String name, String project, List<String> args, Map<String, String> extra = [:] ->
    run(name, new File(base, project), [mvn, '-B', '-ntp', '-Dstyle.color=never', '-s', itSettings().path,
            "-Dmaven.repo.local=${itRepository()}".toString()] + args, extra)
}
def sql = { String db, String query ->
    def r = run('psql', base, [psql, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', port, '-U', user,
                               '-d', db, '-c', query])
    assert r.rc == 0: r.out
    return r.out.readLines()
}
def createDb = { String prefix ->
    String name = "${prefix}_$suffix".toString()
    sql('postgres', "DROP DATABASE IF EXISTS $name")
    sql('postgres', "CREATE DATABASE $name")
    return name
}
def uri = { String db -> "db:pg://$user@$host:$port/$db".toString() }
// The registry without its times, and the application's tables: what Sqitch leaves is what the plugin must leave.
def registry = { String db ->
    sql(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sqitch'") == ['0'] ? ['<no registry>'] :
            sql(db, "SELECT 'change ' || change || ' ' || change_id FROM sqitch.changes ORDER BY committed_at") +
            sql(db, "SELECT 'tag ' || tag || ' ' || change_id FROM sqitch.tags ORDER BY committed_at") +
            sql(db, "SELECT event || ' ' || change || ' ' || change_id || ' ' || tags::text FROM sqitch.events" +
                    ' ORDER BY committed_at')
}
def tables = { String db ->
    sql(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
}
// The build's final error line (without Maven's help link), and no Java stack trace anywhere.
def finalError = { Map r ->
    assert r.rc != 0 && r.out.contains('BUILD FAILURE'): r.out
    assert !(r.out =~ /(?m)^\s+at [\w.$]+\(/) && !r.out.contains('Caused by:'): r.out
    String line = r.out.readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
    assert line: r.out
    return line - ~/ -> \[Help 1\]$/
}

// 1. An SQL error in the third of four changes, mode all: the final error names change, script, line, database and
// the server's message; registry and schema are as real sqitch leaves them on its own database.
String ours = createDb('pgfail_ours')
def failed = maven('deploy-fail', 'app', ['sqlitch:deploy', "-Dsqlitch.target=${uri(ours)}".toString()])
String error = finalError(failed)
assert error.contains(": Deploy failed: c (deploy/c.sql line 3) on ${uri(ours)}: ERROR:  column \"nosuch\" does not exist"): error
assert failed.out.contains('[ERROR] Reverting all changes')
assert tables(ours) == []
assert registry(ours).collect { it.replaceAll(/ [0-9a-f]{40}/, '') } == ['deploy a {@v1}', 'deploy b {}', 'fail c {}',
        'revert b {}', 'revert a {@v1}']
String theirs = null
if (sqitch.canExecute()) {
    theirs = createDb('pgfail_theirs')
    def real = run('sqitch-deploy-fail', new File(base, 'app'), [sqitch.path, 'deploy', uri(theirs)])
    assert real.rc == 2: real.out
    assert registry(ours) == registry(theirs)
    assert tables(ours) == tables(theirs)
} else {
    println '[pg-failures] sqitch is missing: the registry is compared with the recorded expectation only'
}

// 2. A database that does not exist: libpq's message, as Sqitch prints it.
String none = "pgfail_nosuch_$suffix"
error = finalError(maven('missing-db', 'app', ['sqlitch:deploy', "-Dsqlitch.target=${uri(none)}".toString()]))
assert error.endsWith(": connection to server at \"$host\", port $port failed: FATAL:  database \"$none\" does not exist"): error

// 3. A wrong password (given as Sqitch reads it, $SQITCH_PASSWORD): refused, and the password is never printed.
String secret = 'not-the-password-' + suffix
if (sql('postgres', "SELECT count(*) FROM pg_roles WHERE rolname = 'sqlitch_pw'") == ['0']) {
    sql('postgres', "CREATE ROLE sqlitch_pw LOGIN PASSWORD 'right pw'")
}
String pwDb = createDb('pgfail_pw')
def wrong = maven('wrong-password', 'app', ['sqlitch:deploy', "-Dsqlitch.target=db:pg://sqlitch_pw@$host:$port/$pwDb".toString()],
        [SQITCH_PASSWORD: secret])
error = finalError(wrong)
assert error.endsWith(': connection to server at "' + host + '", port ' + port +
        ' failed: FATAL:  password authentication failed for user "sqlitch_pw"'): error
assert !wrong.out.contains(secret)
assert registry(pwDb) == ['<no registry>']

// 4. An unsupported meta-command (\gexec) in the second change: the in-process runner refuses it before anything
// runs, naming file and line; with the real psql as the client (-Dsqlitch.client) the same project deploys.
String metaDb = createDb('pgfail_meta')
def refused = maven('meta-refused', 'meta', ['sqlitch:deploy', "-Dsqlitch.target=${uri(metaDb)}".toString()])
error = finalError(refused)
assert error.contains(': deploy/gx.sql:2: the psql meta-command \\gexec is not supported by the in-process script runner;'): error
assert registry(metaDb) == ['<no registry>'] && tables(metaDb) == []
def viaPsql = maven('meta-psql', 'meta', ['sqlitch:deploy', "-Dsqlitch.target=${uri(metaDb)}".toString(),
                                         "-Dsqlitch.client=$psql".toString()])
assert viaPsql.rc == 0 && viaPsql.out.contains('BUILD SUCCESS'): viaPsql.out
assert tables(metaDb) == ['a', 'gx']

[ours, theirs, pwDb, metaDb].findAll().each { sql('postgres', "DROP DATABASE IF EXISTS $it") }
return true
