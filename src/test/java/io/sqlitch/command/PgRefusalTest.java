package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script the in-process runner cannot run is refused before the run's first script runs, naming file and line:
 * a deploy's later deploy script (or, with {@code --verify}, verify script) leaves nothing deployed, not even the
 * registry; a revert's later revert script leaves every change deployed.
 */
class PgRefusalTest {

    private static final String REFUSAL = "the psql meta-command \\gexec is not supported by the in-process script"
            + " runner; run the scripts through psql instead: set engine.pg.client (or -Dsqlitch.client) to psql"
            + " (sqitch engine alter pg --client psql)\n";

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;
    private String db;

    @BeforeEach
    void setUp() {
        pg = PgServer.require();
        project = new EngineProject(tmp);
        db = pg.createDatabase("refusal");
        project.write("sqitch.conf", "[core]\n\tengine = pg\n[engine \"pg\"]\n\ttarget = " + pg.sqitchUri(db) + "\n");
        project.add("a", "", "CREATE TABLE a_table (id INT);\n", "DROP TABLE a_table;\n", "SELECT 1;\n");
    }

    @Test
    void aLaterDeployScriptIsRefusedBeforeTheFirstRuns() throws Exception {
        project.add("b", "a", "CREATE TABLE b_table (id INT);\nSELECT 'SELECT 1' \\gexec\n", "SELECT 1;\n", "SELECT 1;\n");

        RealSqitch.Result r = project.oursCli("deploy");

        assertEquals(2, r.exitValue());
        assertEquals("", r.stdout());
        assertEquals("deploy/b.sql:2: " + REFUSAL, r.stderr());
        assertEquals(List.of(), strings("SELECT tablename FROM pg_tables WHERE schemaname IN ('public', 'sqitch')"));
    }

    @Test
    void withVerifyALaterVerifyScriptIsRefusedToo() throws Exception {
        project.add("b", "a", "CREATE TABLE b_table (id INT);\n", "SELECT 1;\n", "\\set x 1\nSELECT 1 \\gexec\n");

        RealSqitch.Result r = project.oursCli("deploy", "--verify");

        assertEquals(2, r.exitValue());
        assertEquals("verify/b.sql:2: " + REFUSAL, r.stderr());
        assertEquals(List.of(), strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
        assertEquals(0, project.oursCli("deploy").exitValue(), "without --verify the verify scripts are not run");
    }

    @Test
    void aLaterRevertScriptIsRefusedBeforeTheFirstRuns() throws Exception {
        project.add("b", "a", "CREATE TABLE b_table (id INT);\n", "DROP TABLE b_table;\n", "SELECT 1;\n");
        assertEquals(0, project.oursCli("deploy").exitValue());
        project.write("revert/a.sql", "SELECT 'DROP TABLE a_table' \\gexec\n");

        RealSqitch.Result r = project.oursCli("revert", "-y");

        assertEquals(2, r.exitValue());
        assertEquals("revert/a.sql:1: " + REFUSAL, r.stderr());
        assertEquals(List.of("a", "b"), strings("SELECT change FROM sqitch.changes ORDER BY committed_at"));
        assertEquals(List.of("a_table", "b_table"), strings("SELECT tablename FROM pg_tables"
                + " WHERE schemaname = 'public' ORDER BY 1"));
    }

    private List<String> strings(String query) throws Exception {
        return pg.column(db, query);
    }
}
