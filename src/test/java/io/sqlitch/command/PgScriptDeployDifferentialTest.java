package io.sqlitch.command;

import static io.sqlitch.command.PgTwin.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.PgServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What pg scripts may hold, deployed end to end against real sqitch on both script paths: psql variables from
 * {@code --set} and {@code deploy.variables}, every supported meta-command, unsupported ones (refused in-process
 * before anything runs; run by the real psql as Sqitch runs them), scripts that manage their own transactions, and
 * two deploys on one database (the advisory lock).
 */
@org.junit.jupiter.api.Tag("slow")
class PgScriptDeployDifferentialTest {

    @TempDir
    Path tmp;

    private PgServer pg;

    @BeforeEach
    void setUp() {
        pg = PgTwin.server();
    }


    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void psqlVariablesFromSetAndDeployVariables(boolean psql) {
        PgTwin t = new PgTwin(pg, tmp, "").client(psql,
                "[deploy \"variables\"]\n\ttbl = from conf\n\traw = upper('raw from conf')\n\tval = conf\n");
        t.project.add("vars", "", "CREATE TABLE :\"tbl\" (v TEXT);\nINSERT INTO :\"tbl\" VALUES (:'val'), (:raw);\n"
                + "SELECT v FROM :\"tbl\" ORDER BY v;\n", "DROP TABLE :\"tbl\";\n", "SELECT v FROM :\"tbl\";\n");
        PgTwin.Outcome theirs = t.compare("deploy", "--set", "val=it's \\ set", "--set", "tbl=My \"Table\"");
        assertEquals(0, theirs.exit(), theirs.printed());
        assertTrue(theirs.dump().contains("CREATE TABLE public.\"My \"\"Table\"\"\""), theirs.dump());
        assertTrue(theirs.dump().contains("it's \\\\ set"), theirs.dump());
    }

    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void everySupportedMetaCommand(boolean psql) {
        PgTwin t = new PgTwin(pg, tmp, "").client(psql, "");
        t.project.write("deploy/inc/part.sql", "INSERT INTO meta_t VALUES (10, 'from \\i');\n");
        t.project.write("deploy/inc/rel.sql", "INSERT INTO meta_t VALUES (11, 'from \\ir');\n");
        t.project.add("meta", "", """
                \\set tbl meta_t
                \\set greeting 'hello there'
                \\echo :greeting
                \\echo -n no newline
                \\echo
                \\qecho qecho line
                \\warn warn line
                CREATE TABLE :"tbl" (id INT, name TEXT);
                \\unset greeting
                \\echo :greeting
                \\i deploy/inc/part.sql
                \\ir inc/rel.sql
                \\if :{?tbl}
                  \\echo tbl is set
                \\elif false
                  \\echo never
                \\else
                  \\echo not set
                \\endif
                \\if false
                  SELECT nosuch;
                \\elif true
                  INSERT INTO meta_t VALUES (1, 'one');
                \\endif
                SELECT count(*) AS n FROM meta_t \\gset
                \\echo rows :n
                SELECT 'via g' \\g
                INSERT INTO meta_t VALUES (2, 'two') \\g
                COPY meta_t (id, name) FROM stdin;
                3\tthree
                4\t\\N
                \\.
                SELECT id, name FROM meta_t ORDER BY id;
                """, "DROP TABLE meta_t;\n", "SELECT id FROM meta_t;\n");
        t.project.add("quits", "meta", "CREATE TABLE q (id INT);\n\\q\nSELECT nosuch;\n", "DROP TABLE q;\n",
                "SELECT id FROM q;\n");
        PgTwin.Outcome theirs = t.compare("deploy");
        assertEquals(0, theirs.exit(), theirs.printed());
        assertTrue(theirs.stdout().contains("hello there\nno newline\nqecho line\n"), theirs.printed());
        assertTrue(theirs.stderr().contains("warn line"), theirs.printed());
        assertTrue(theirs.dump().contains("4\t\\N"), theirs.dump());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SELECT 'CREATE TABLE gx (id INT)' \\gexec", "\\! ls deploy"})
    void anUnsupportedMetaCommandIsRefusedInProcessAndRunByPsql(String line) {
        PgTwin t = new PgTwin(pg, tmp, "");
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        t.project.add("b", "a", "CREATE TABLE b (id INT);\n" + line + "\n", "DROP TABLE b;\n", "SELECT 1;\n");
        String theirsDb = pg.createDatabase("theirs");
        PgTwin.Outcome theirs = t.sqitch(theirsDb, "deploy");
        assertEquals(0, theirs.exit(), theirs.printed());

        String oursDb = pg.createDatabase("ours");
        PgTwin.Outcome refused = t.ours(oursDb, "deploy");
        assertEquals(2, refused.exit(), refused.printed());
        String command = line.startsWith("\\!") ? "\\!" : "\\gexec";
        assertTrue(refused.stderr().contains("deploy/b.sql:2: the psql meta-command " + command
                + " is not supported by the in-process script runner; run the scripts through psql instead"),
                refused.printed());
        assertEquals("<no registry>\n", refused.stdout() + refused.registry(), refused.printed());
        assertFalse(refused.dump().contains("CREATE TABLE public.b"), refused.dump());
        assertFalse(refused.dump().contains("CREATE TABLE public.a"), refused.dump());

        t.client(true, "");
        assertSame(theirs, t.ours(pg.createDatabase("ours"), "deploy"));
    }

    /** In a verify script (deploy --verify) or a revert script: refused before any script of the run has run. */
    @Test
    void anUnsupportedMetaCommandInAVerifyOrRevertScriptIsRefusedUpFront() {
        PgTwin t = new PgTwin(pg, tmp, "");
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n\\! true\n", "SELECT id FROM a;\n");
        t.project.add("b", "a", "CREATE TABLE b (id INT);\n", "DROP TABLE b;\n", "SELECT 'SELECT 1' \\gexec\n");
        String db = pg.createDatabase("ours");
        PgTwin.Outcome verify = t.ours(db, "deploy", "--verify");
        assertEquals("exit 2\n--- stdout\n--- stderr\nverify/b.sql:1: the psql meta-command \\gexec is not supported",
                verify.printed().substring(0, verify.printed().indexOf(" by the in-process")), verify.printed());
        assertEquals("<no registry>\n", verify.registry());
        assertEquals(0, t.ours(db, "deploy").exit());
        String deployed = t.registry(db);
        PgTwin.Outcome revert = t.ours(db, "revert", "-y");
        assertEquals(2, revert.exit(), revert.printed());
        assertTrue(revert.stderr().startsWith("revert/a.sql:2: the psql meta-command \\! is not supported"),
                revert.printed());
        assertFalse(revert.stdout().contains("  - "), revert.printed());
        assertEquals(deployed, revert.registry());
    }

    /** Its own BEGIN/COMMIT, none (CREATE INDEX CONCURRENTLY cannot run in one), and a failure after its COMMIT. */
    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void scriptsThatManageTheirOwnTransactions(boolean psql) {
        PgTwin t = new PgTwin(pg, tmp, "").client(psql, "");
        t.project.add("own", "", "BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;\n", "BEGIN;\nDROP TABLE t;\nCOMMIT;\n",
                "SELECT id FROM t;\n");
        t.project.add("idx", "own", "CREATE INDEX CONCURRENTLY t_idx ON t (id);\n",
                "DROP INDEX CONCURRENTLY t_idx;\n", "SELECT 1;\n");
        t.project.add("after", "idx", "BEGIN;\nCREATE TABLE kept (id INT);\nCOMMIT;\nSELECT nosuch;\n",
                "DROP TABLE kept;\n", "SELECT 1;\n");
        PgTwin.Outcome theirs = t.compare("deploy");
        assertEquals(2, theirs.exit(), theirs.printed());
        assertTrue(theirs.dump().contains("CREATE TABLE public.kept"), theirs.dump());
        assertTrue(theirs.stdout().contains("  + idx .... ok\n"), theirs.printed());
        assertFalse(theirs.dump().contains("t_idx"), theirs.dump());
    }

    /**
     * A deploy whose first script sleeps holds the lock; a second deploy on the same database, by the other tool,
     * waits with Sqitch's message and times out, or waits and then finds nothing to deploy. Both ways round.
     */
    @Test
    void aSecondDeployWaitsForTheFirstAndTimesOut() throws Exception {
        PgTwin t = new PgTwin(pg, tmp, "");
        t.project.add("slow", "", "SELECT pg_sleep(5);\nCREATE TABLE slow (id INT);\n", "DROP TABLE slow;\n",
                "SELECT id FROM slow;\n");
        String theirsDb = pg.createDatabase("theirs");
        String oursDb = pg.createDatabase("ours");
        // sqitch holds theirsDb and the plugin waits; the plugin holds oursDb and sqitch waits.
        PgTwin.Outcome oursTimedOut = whileHeld(oursDb, t::sqitch, db -> t.ours(db, "deploy", "--lock-timeout", "1"));
        PgTwin.Outcome theirsTimedOut = whileHeld(theirsDb, t::ours, db -> t.sqitch(db, "deploy", "--lock-timeout",
                "1"));
        assertEquals(theirsTimedOut.printed(), oursTimedOut.printed());
        assertEquals("exit 2\n--- stdout\nBlocked by another instance of Sqitch working on db:pg://" + pg.user() + "@"
                + pg.host() + ":PORT/DB; waiting 1 seconds...\n--- stderr\nTimed out waiting 1 seconds for another"
                + " instance of Sqitch to finish work on db:pg://" + pg.user() + "@" + pg.host() + ":PORT/DB\n",
                theirsTimedOut.printed());
        assertEquals(t.registry(theirsDb), t.registry(oursDb));

        String theirsDb2 = pg.createDatabase("theirs");
        String oursDb2 = pg.createDatabase("ours");
        PgTwin.Outcome oursWaited = whileHeld(oursDb2, t::sqitch, db -> t.ours(db, "deploy"));
        PgTwin.Outcome theirsWaited = whileHeld(theirsDb2, t::ours, db -> t.sqitch(db, "deploy"));
        assertEquals(theirsWaited.printed(), oursWaited.printed());
        assertTrue(theirsWaited.stdout().endsWith("waiting 60 seconds...\nNothing to deploy (up-to-date)\n"),
                theirsWaited.printed());
        assertEquals(t.registry(theirsDb2), t.registry(oursDb2));
    }

    /** Starts {@code first} deploying {@code db}, runs {@code second} once it holds the lock, waits for both. */
    private PgTwin.Outcome whileHeld(String db, BiFunction<String, String[], PgTwin.Outcome> first,
                                     java.util.function.Function<String, PgTwin.Outcome> second) throws Exception {
        CompletableFuture<PgTwin.Outcome> holder = CompletableFuture.supplyAsync(
                () -> first.apply(db, new String[] {"deploy"}));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!lockHeld(db)) {
            assertTrue(System.nanoTime() < deadline, "the first deploy never took the lock");
            assertFalse(holder.isDone(), () -> "the first deploy ended early: " + holder.join().printed());
            Thread.sleep(50);
        }
        PgTwin.Outcome waiter = second.apply(db);
        PgTwin.Outcome held = holder.get(60, TimeUnit.SECONDS);
        assertEquals(0, held.exit(), held.printed());
        return waiter;
    }

    private boolean lockHeld(String db) throws Exception {
        try (Connection c = pg.connect("postgres"); PreparedStatement st = c.prepareStatement("SELECT count(*)"
                + " FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory'"
                + " AND l.objid = 75474063 AND l.granted AND d.datname = ?")) {
            st.setString(1, db);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
