package io.sqlitch.command;

import static io.sqlitch.command.PgTwin.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.PgServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failing deploys, reverts and verifies on PostgreSQL, end to end through the commands, against real sqitch: each
 * case runs one command line with sqitch on a fresh database and with the plugin on another, on both script paths
 * (in-process, and the real psql as {@code engine.pg.client}), and requires the same output, exit value, registry
 * rows and database afterwards.
 */
@org.junit.jupiter.api.Tag("slow")
class PgFailureDifferentialTest {

    @TempDir
    Path tmp;

    private PgServer pg;

    @BeforeEach
    void setUp() {
        pg = PgTwin.server();
    }

    private PgTwin twin(boolean psql) {
        return new PgTwin(pg, tmp, "").client(psql, "");
    }

    /** a, @v1, b, c (fails at its line 3, inside its BEGIN/COMMIT), d: each mode keeps what Sqitch keeps. */
    private PgTwin failingMidPlan(boolean psql) {
        PgTwin t = twin(psql);
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        t.project.tag("v1");
        t.project.add("b", "a", "BEGIN;\nCREATE TABLE b (id INT);\nCOMMIT;\n", "DROP TABLE b;\n",
                "SELECT id FROM b;\n");
        t.project.add("c", "b", "BEGIN;\nCREATE TABLE c (id INT);\nINSERT INTO c VALUES (nosuch);\nCOMMIT;\n",
                "DROP TABLE c;\n", "SELECT id FROM c;\n");
        t.project.add("d", "c", "CREATE TABLE d (id INT);\n", "DROP TABLE d;\n", "SELECT id FROM d;\n");
        return t;
    }

    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void sqlErrorMidScriptInModeAll(boolean psql) {
        PgTwin t = failingMidPlan(psql);
        PgTwin.Outcome theirs = t.compare("deploy", "--mode", "all");
        assertTrue(theirs.stderr().contains("ERROR:  column \"nosuch\" does not exist"), theirs.printed());
        assertTrue(theirs.stderr().contains("\nReverting all changes\nDeploy failed\n"), theirs.printed());
    }

    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void sqlErrorMidScriptInModeChange(boolean psql) {
        PgTwin.Outcome theirs = failingMidPlan(psql).compare("deploy", "--mode", "change");
        assertTrue(theirs.dump().contains("CREATE TABLE public.b"), theirs.dump());
    }

    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void sqlErrorMidScriptInModeTag(boolean psql) {
        PgTwin.Outcome theirs = failingMidPlan(psql).compare("deploy", "--mode", "tag");
        assertTrue(theirs.stderr().contains("Reverting to a @v1"), theirs.printed());
    }

    /** a, then b whose verify script fails. */
    private PgTwin failingVerify(boolean psql) {
        PgTwin t = twin(psql);
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        t.project.add("b", "a", "CREATE TABLE b (id INT);\n", "DROP TABLE b;\n",
                "SELECT id FROM b;\nSELECT nosuch FROM b;\n");
        return t;
    }

    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void failingVerifyDuringDeployRevertsTheRun(boolean psql) {
        PgTwin.Outcome theirs = failingVerify(psql).compare("deploy", "--verify");
        assertTrue(theirs.stderr().contains("Verify script \"verify/b.sql\" failed."), theirs.printed());
    }

    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void plainVerifyFails(boolean psql) {
        PgTwin t = failingVerify(psql);
        String theirsDb = pg.createDatabase("theirs");
        String oursDb = pg.createDatabase("ours");
        assertEquals(0, t.sqitch(theirsDb, "deploy").exit());
        assertEquals(0, t.ours(oursDb, "deploy").exit());
        PgTwin.Outcome theirs = t.sqitch(theirsDb, "verify");
        assertSame(theirs, t.ours(oursDb, "verify"));
        assertEquals(2, theirs.exit(), theirs.printed());
    }

    /** A revert script that fails mid-way: Sqitch stops there, the changes before it in the revert stay reverted. */
    @ParameterizedTest(name = "psql client: {0}")
    @ValueSource(booleans = {false, true})
    void aFailingRevertScriptStopsTheRevert(boolean psql) {
        PgTwin t = twin(psql);
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        t.project.add("b", "a", "CREATE TABLE b (id INT);\n", "DROP TABLE b;\nDROP TABLE nosuch;\n",
                "SELECT id FROM b;\n");
        t.project.add("c", "b", "CREATE TABLE c (id INT);\n", "DROP TABLE c;\n", "SELECT id FROM c;\n");
        String theirsDb = pg.createDatabase("theirs");
        String oursDb = pg.createDatabase("ours");
        assertSame(t.sqitch(theirsDb, "deploy"), t.ours(oursDb, "deploy"));
        PgTwin.Outcome theirs = t.sqitch(theirsDb, "revert", "-y");
        PgTwin.Outcome ours = t.ours(oursDb, "revert", "-y");
        assertTrue(theirs.stderr().contains("ERROR:  table \"nosuch\" does not exist"), theirs.printed());
        if (psql) {
            assertSame(theirs, ours);
            return;
        }
        // In-process, b's revert script and its rows are one transaction (docs/POSTGRESQL.md): the failure rolls
        // back its first statement too, so b's table stays with b still deployed, where psql has dropped it.
        assertEquals(theirs.printed(), ours.printed());
        assertEquals(theirs.registry(), ours.registry());
        assertTrue(!theirs.dump().contains("CREATE TABLE public.b"), theirs.dump());
        assertTrue(ours.dump().contains("CREATE TABLE public.b"), ours.dump());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nosuch", "other:x", "!a"})
    void aDependencyThatCannotBeMetStopsBeforeAnythingRuns(String dependency) {
        PgTwin t = twin(false);
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        t.project.add("b", dependency, "CREATE TABLE b (id INT);\n", "DROP TABLE b;\n", "SELECT id FROM b;\n");
        String theirsDb = pg.createDatabase("theirs");
        String oursDb = pg.createDatabase("ours");
        assertSame(t.sqitch(theirsDb, "deploy", "--to", "a"), t.ours(oursDb, "deploy", "--to", "a"));
        PgTwin.Outcome theirs = t.sqitch(theirsDb, "deploy");
        assertSame(theirs, t.ours(oursDb, "deploy"));
        assertTrue(theirs.exit() != 0, theirs.printed());
    }

    @Test
    void aDatabaseThatDoesNotExist() {
        PgTwin t = twin(false);
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        String db = "nosuch_" + ProcessHandle.current().pid();
        PgTwin.Outcome theirs = t.sqitch(db, "deploy");
        assertSame(theirs, t.ours(db, "deploy"));
        assertEquals("exit 2\n--- stdout\n--- stderr\nconnection to server at \"" + pg.host() + "\", port "
                + pg.port() + " failed: FATAL:  database \"DB\" does not exist\n", theirs.printed());
    }

    @ParameterizedTest(name = "password: {0}")
    @ValueSource(strings = {"wrong pw", ""})
    void aWrongOrMissingPassword(String password) throws Exception {
        try (var c = pg.connect("postgres"); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'sqlitch_pw'");
            if (!rs.next()) {
                s.execute("CREATE ROLE sqlitch_pw LOGIN PASSWORD 'right pw'");
            }
        }
        PgTwin t = twin(false);
        t.project.add("a", "", "CREATE TABLE a (id INT);\n", "DROP TABLE a;\n", "SELECT id FROM a;\n");
        String db = pg.createDatabase("pw");
        String uri = "db:pg://sqlitch_pw" + (password.isEmpty() ? "" : ":" + password.replace(" ", "%20")) + "@"
                + pg.host() + ":" + pg.port() + "/" + db;
        PgTwin.Outcome theirs = t.sqitchAt(db, uri, "deploy");
        PgTwin.Outcome ours = t.oursAt(db, uri, "deploy");
        assertSame(theirs, ours);
        assertEquals(2, ours.exit());
        assertTrue(ours.stderr().contains(password.isEmpty() ? "fe_sendauth: no password supplied"
                : "password authentication failed for user \"sqlitch_pw\""), ours.printed());
        assertTrue(password.isEmpty() || !ours.printed().contains("wrong"), ours.printed());
        assertEquals("<no registry>\n", ours.registry());
    }

}
