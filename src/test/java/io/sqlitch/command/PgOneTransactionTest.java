package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-transaction path on PostgreSQL (in-process runner, no client configured): a change's script body, its
 * verify script and its registry rows commit together, so a failure anywhere leaves nothing of the change. With a
 * configured client the same failure leaves what Sqitch leaves. The atomic deploy runs every change in one.
 */
class PgOneTransactionTest {

    /** Fails the registry write of change {@code b}'s deploy (or revert) event. */
    private static final String FAILING_TRIGGER = "CREATE FUNCTION sqitch.no_b() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN IF NEW.change = 'b' AND NEW.event IN ('deploy', 'revert') THEN RAISE EXCEPTION 'no rows for b';"
            + " END IF; RETURN NEW; END $$; CREATE TRIGGER no_b BEFORE INSERT ON sqitch.events FOR EACH ROW"
            + " EXECUTE FUNCTION sqitch.no_b()";

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;
    private String db;

    @BeforeEach
    void setUp() {
        pg = PgServer.require();
        project = new EngineProject(tmp);
        db = pg.createDatabase("onetx");
        project.write("sqitch.conf", "[core]\n\tengine = pg\n[engine \"pg\"]\n\ttarget = " + pg.sqitchUri(db) + "\n");
        project.add("a", "", "CREATE TABLE a_table (id INT);\n", "DROP TABLE a_table;\n", "SELECT 1;\n");
    }

    @Test
    void aFailingRegistryWriteLeavesNeitherTheScriptsObjectsNorItsRows() throws Exception {
        // The revert script keeps the table: only the shared transaction can take it away.
        project.add("b", "a", "CREATE TABLE b_table (id INT);\n", "SELECT 1;\n", "SELECT 1;\n");
        assertEquals(0, project.oursCli("deploy", "--to", "a").exitValue());
        sql(FAILING_TRIGGER);

        RealSqitch.Result r = project.oursCli("deploy", "--mode", "change");

        assertEquals(2, r.exitValue(), r.stderr());
        assertTrue(r.stderr().contains("no rows for b"), r.stderr());
        assertEquals(List.of("a_table"), tables());
        assertEquals(List.of("a"), strings("SELECT change FROM sqitch.changes"));
        assertEquals(List.of("deploy a", "fail b"), events());
    }

    @Test
    void withAConfiguredClientTheScriptCommitsBeforeItsRowsAsWithSqitch() throws Exception {
        RealSqitch.assume(java.nio.file.Files.isExecutable(Path.of("/usr/bin/psql")), "psql");
        project.write("sqitch.conf", "[core]\n\tengine = pg\n[engine \"pg\"]\n\ttarget = " + pg.sqitchUri(db)
                + "\n\tclient = psql\n");
        project.add("b", "a", "CREATE TABLE b_table (id INT);\n", "SELECT 1;\n", "SELECT 1;\n");
        assertEquals(0, project.oursCli("deploy", "--to", "a").exitValue());
        sql(FAILING_TRIGGER);

        RealSqitch.Result r = project.oursCli("deploy", "--mode", "change");

        assertEquals(2, r.exitValue(), r.stderr());
        assertEquals(List.of("a_table", "b_table"), tables());
        assertEquals(List.of("deploy a", "fail b"), events());
    }

    @Test
    void aBareScriptThatFailsHalfWayLeavesNothing() throws Exception {
        project.add("b", "a", "CREATE TABLE b_table (id INT);\nSELECT nosuch;\n", "DROP TABLE b_table;\n",
                "SELECT 1;\n");

        RealSqitch.Result r = project.oursCli("deploy", "--mode", "change");

        assertEquals(2, r.exitValue());
        assertTrue(r.stderr().startsWith("psql:deploy/b.sql:2: ERROR:  column \"nosuch\" does not exist\n"),
                r.stderr());
        assertEquals(List.of("a_table"), tables());
        assertEquals(List.of("deploy a", "fail b"), events());
    }

    @Test
    void aFailingVerifyRollsBackTheChangeAndItsRowsWithoutItsRevertScript() throws Exception {
        // A revert script that would fail: the rollback, not the script, undoes the change.
        project.add("b", "a", "BEGIN;\nCREATE TABLE b_table (id INT);\nCOMMIT;\n", "SELECT nosuch;\n",
                "BEGIN;\nSELECT nosuch FROM b_table;\nROLLBACK;\n");

        RealSqitch.Result r = project.oursCli("deploy", "--verify", "--mode", "change");

        assertEquals(2, r.exitValue());
        assertTrue(r.stderr().contains("Verify script \"verify/b.sql\" failed."), r.stderr());
        assertEquals(List.of("a_table"), tables());
        assertEquals(List.of("deploy a", "fail b"), events());
    }

    @Test
    void aFailingRevertRowLeavesTheChangeDeployed() throws Exception {
        project.add("b", "a", "CREATE TABLE b_table (id INT);\n", "DROP TABLE b_table;\n", "SELECT 1;\n");
        assertEquals(0, project.oursCli("deploy").exitValue());
        sql(FAILING_TRIGGER);

        RealSqitch.Result r = project.oursCli("revert", "-y", "--to", "a");

        assertEquals(2, r.exitValue());
        assertEquals(List.of("a_table", "b_table"), tables());
        assertEquals(List.of("a", "b"), strings("SELECT change FROM sqitch.changes ORDER BY committed_at"));
    }

    @Test
    void theAtomicDeployCommitsEveryChangeOrNone() throws Exception {
        project.add("b", "a", "BEGIN;\nCREATE TABLE b_table (id INT);\nCOMMIT;\n", "DROP TABLE b_table;\n",
                "SELECT 1;\n");
        project.add("c", "b", "CREATE TABLE c_table (id INT);\nSELECT nosuch;\n", "DROP TABLE c_table;\n",
                "SELECT 1;\n");

        RealSqitch.Result r = project.ours(ctx -> new DeployCommand(ctx).execute(EngineProject.deploy()
                .withAtomic(true)));

        assertEquals(2, r.exitValue());
        assertTrue(r.stderr().contains("Rolled back all changes of this deploy"), r.stderr());
        assertEquals(List.of(), tables());
        assertEquals(List.of(), strings("SELECT change FROM sqitch.changes"));
        assertEquals(List.of("fail c"), events());
    }

    @Test
    void theAtomicDeployRefusesAScriptThatCannotRunInsideIt() throws Exception {
        project.add("b", "a", "CREATE INDEX CONCURRENTLY a_id ON a_table (id);\n", "DROP INDEX a_id;\n",
                "SELECT 1;\n");

        RealSqitch.Result r = project.ours(ctx -> new DeployCommand(ctx).execute(EngineProject.deploy()
                .withAtomic(true)));

        assertEquals(2, r.exitValue());
        assertTrue(r.stderr().contains("deploy script deploy/b.sql manages its own transactions"), r.stderr());
        assertEquals(List.of(), tables());
    }

    private void sql(String statements) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }

    private List<String> tables() throws Exception {
        return strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    }

    private List<String> events() throws Exception {
        return strings("SELECT event || ' ' || change FROM sqitch.events ORDER BY committed_at");
    }

    /** A query's first column; empty before the registry exists. */
    private List<String> strings(String query) throws Exception {
        try {
            return pg.column(db, query);
        } catch (java.sql.SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
            return List.of();
        }
    }
}
