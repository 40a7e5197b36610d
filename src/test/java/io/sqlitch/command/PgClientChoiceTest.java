package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which program runs a pg target's scripts: a configured client, even one named {@code psql} (Sqitch's default),
 * runs them; none configured means the in-process runner. A {@code \gexec} script tells the two apart: the runner
 * refuses it up front, the real psql runs it.
 */
class PgClientChoiceTest {

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;

    @BeforeEach
    void setUp() {
        pg = PgServer.requireWithPsql();
        project = new EngineProject(tmp);
        project.add("gexec", "", "SELECT 'CREATE TABLE made_by_gexec (id INT)' \\gexec\n",
                "DROP TABLE made_by_gexec;\n", "SELECT id FROM made_by_gexec WHERE FALSE;\n");
    }

    @Test
    void withoutAConfiguredClientScriptsRunInProcess() throws Exception {
        String db = pg.createDatabase("noclient");
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        RealSqitch.Result r = project.oursCli("deploy", pg.sqitchUri(db));
        assertEquals(2, r.exitValue(), r.stderr());
        assertTrue(r.stderr().contains("deploy/gexec.sql:1: the psql meta-command \\gexec is not supported"),
                r.stderr());
        assertEquals(0, tables(db));
    }

    @Test
    void engineClientPsqlRunsTheRealPsql() throws Exception {
        assertDeployedThroughPsql("[core]\n\tengine = pg\n[engine \"pg\"]\n\tclient = psql\n");
    }

    @Test
    void coreClientPsqlRunsTheRealPsql() throws Exception {
        assertDeployedThroughPsql("[core]\n\tengine = pg\n\tclient = psql\n");
    }

    @Test
    void targetClientPsqlRunsTheRealPsql() throws Exception {
        String db = pg.createDatabase("targetclient");
        project.write("sqitch.conf", "[core]\n\tengine = pg\n[target \"t\"]\n\turi = " + pg.sqitchUri(db)
                + "\n\tclient = psql\n");
        RealSqitch.Result r = project.oursCli("deploy", "t");
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals(1, tables(db));
    }

    private void assertDeployedThroughPsql(String conf) throws Exception {
        String db = pg.createDatabase("client");
        project.write("sqitch.conf", conf);
        RealSqitch.Result r = project.oursCli("deploy", pg.sqitchUri(db));
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals(1, tables(db));
    }

    private int tables(String db) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'made_by_gexec'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
