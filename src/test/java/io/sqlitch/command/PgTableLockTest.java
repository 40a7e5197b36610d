package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sqitch's {@code LOCK TABLE changes IN EXCLUSIVE MODE} is held while a change's script runs, on every path: the
 * script prints how many sessions hold it (1), as it does under real sqitch; on the cockroach engine nobody takes
 * it (0).
 */
class PgTableLockTest {

    private static final String COUNT_LOCKS = "SELECT count(*) FROM pg_locks l JOIN pg_class c ON l.relation = c.oid"
            + " JOIN pg_namespace n ON c.relnamespace = n.oid WHERE n.nspname = 'sqitch' AND c.relname = 'changes'"
            + " AND l.mode = 'ExclusiveLock';\n";

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;

    @BeforeEach
    void setUp() {
        pg = PgServer.requireWithPsql();
        project = new EngineProject(tmp);
        project.add("a", "", COUNT_LOCKS, "SELECT 1;\n", "SELECT 1;\n");
        // CREATE INDEX CONCURRENTLY cannot run inside a transaction: this one runs as Sqitch runs it.
        project.add("b", "a", "CREATE TABLE b_table (id INT);\nCREATE INDEX CONCURRENTLY b_id ON b_table (id);\n"
                + COUNT_LOCKS, "DROP INDEX CONCURRENTLY b_id;\n" + COUNT_LOCKS, "SELECT 1;\n");
    }

    @Test
    void theOneTransactionPathAndTheFallbackHoldTheLockWhileTheScriptRuns() {
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        String db = pg.createDatabase("lockours");
        RealSqitch.Result r = project.oursCli("deploy", pg.sqitchUri(db));
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals("  + a .. 1\nok\n  + b .. 1\nok\n", progress(r.stdout()));
        r = project.oursCli("revert", "-y", "--to", "a", pg.sqitchUri(db));
        assertEquals("  - b .. 1\nok\n", progress(r.stdout()));
    }

    @Test
    void withTheRealPsqlAsWithSqitch() {
        RealSqitch.assumeSqitch();
        project.write("sqitch.conf", "[core]\n\tengine = pg\n\tclient = psql\n");
        String ours = pg.createDatabase("lockclient");
        String theirs = pg.createDatabase("locksqitch");
        RealSqitch.Result o = project.oursCli("deploy", pg.sqitchUri(ours));
        RealSqitch.Result s = project.sqitch("deploy", pg.sqitchUri(theirs));
        assertEquals(0, o.exitValue(), o.stderr());
        assertEquals(progress(s.stdout()), progress(o.stdout()));
        assertEquals("  + a .. 1\nok\n  + b .. 1\nok\n", progress(o.stdout()));
    }

    @Test
    void theCockroachEngineTakesNoTableLock() {
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        String db = pg.createDatabase("lockcrdb");
        RealSqitch.Result r = project.oursCli("deploy", pg.sqitchUri(db).replace("db:pg:", "db:cockroach:"));
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals("  + a .. 0\nok\n  + b .. 0\nok\n", progress(r.stdout()));
    }

    /** Sqitch's advisory lock: deploy and revert wait for it, verify does not take it. */
    @Test
    void theAdvisoryLockIsTakenByDeployAndRevertButNotByVerify() throws Exception {
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        String db = pg.createDatabase("advisory");
        String uri = pg.sqitchUri(db);
        assertEquals(0, project.oursCli("deploy", uri).exitValue());
        try (java.sql.Connection other = pg.connect(db); java.sql.Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(75474063)");
            RealSqitch.Result verify = project.oursCli("verify", uri);
            assertEquals(0, verify.exitValue(), verify.stderr());
            assertEquals(-1, verify.stdout().indexOf("Blocked"), verify.stdout());
            String timedOut = "Timed out waiting 1 seconds for another instance of Sqitch to finish work on " + uri;
            RealSqitch.Result deploy = project.ours(ctx -> new DeployCommand(ctx).execute(new DeployOptions(
                    java.util.List.of(uri), null, null, null, null, false, 1, java.util.Map.of(), false)));
            assertEquals(timedOut, deploy.stderr().strip());
            RealSqitch.Result revert = project.ours(ctx -> new RevertCommand(ctx).execute(new RevertOptions(
                    java.util.List.of(uri), null, null, false, true, false, 1, java.util.Map.of())));
            assertEquals(timedOut, revert.stderr().strip());
            assertEquals("Blocked by another instance of Sqitch working on " + uri + "; waiting 1 seconds...\n",
                    revert.stdout());
        }
    }

    /** The change lines of a deploy's output. */
    private static String progress(String stdout) {
        return stdout.substring(stdout.indexOf("  "));
    }
}
