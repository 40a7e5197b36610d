package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared deploy/revert/verify algorithms on PostgreSQL against real sqitch, both ways: each step runs with the
 * plugin on one database and with sqitch on a twin, output compared (the database name masked); then each tool
 * works on the registry the other wrote, and the two registries' events are equal but for their times.
 */
class PgEngineDifferentialTest {

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;

    @BeforeEach
    void setUp() {
        pg = PgServer.requireWithPsql();
        assumeTrue(RealSqitch.available() || Boolean.getBoolean(PgServer.REQUIRE_PROPERTY), "no sqitch");
        project = new EngineProject(tmp);
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        project.add("appschema", "", "BEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n", "BEGIN;\nDROP SCHEMA flipr;\nCOMMIT;\n",
                "SELECT pg_catalog.has_schema_privilege('flipr', 'usage');\n");
        project.add("users", "appschema", "BEGIN;\nCREATE TABLE flipr.users (nickname TEXT PRIMARY KEY);\n"
                        + "\\echo created users\nCOMMIT;\n", "DROP TABLE flipr.users;\n",
                "SELECT nickname FROM flipr.users WHERE FALSE;\n");
        project.tag("v1.0");
        project.add("flips", "users", "CREATE TABLE flipr.flips (id INT, nickname TEXT REFERENCES flipr.users);\n",
                "DROP TABLE flipr.flips;\n", "SELECT id FROM flipr.flips WHERE FALSE;\n");
    }

    @Test
    void eachToolTakesOverTheOthersDatabase() throws Exception {
        String ours = pg.createDatabase("ours");
        String theirs = pg.createDatabase("theirs");
        step("deploy", ours, theirs);
        // Across: sqitch verifies and reports on the plugin's registry, the plugin on sqitch's.
        assertSame(project.sqitch("verify", uri(ours)), ours, project.oursCli("verify", uri(theirs)), theirs);
        String status = project.sqitch("status", uri(ours)).stdout();
        assertTrue(status.contains("# Change:") && status.endsWith("Nothing to deploy (up-to-date)\n"), status);
        assertSame(project.sqitch("revert", "-y", "--to", "appschema", uri(ours)), ours,
                project.oursCli("revert", "-y", "--to", "appschema", uri(theirs)), theirs);
        step("deploy", ours, theirs);
        step("revert", ours, theirs);
        assertEquals(events(theirs), events(ours));
    }

    @Test
    void aFailingScriptIsRevertedAsSqitchRevertsIt() throws Exception {
        project.add("broken", "flips", "CREATE TABLE flipr.broken (id INT);\nSELECT nosuch;\n",
                "DROP TABLE flipr.broken;\n", "SELECT 1;\n");
        String ours = pg.createDatabase("ours");
        String theirs = pg.createDatabase("theirs");
        step("deploy", ours, theirs);
        assertEquals(events(theirs), events(ours));
        assertEquals(List.of("fail broken"), events(ours).stream().filter(e -> e.startsWith("fail")).map(
                e -> e.substring(0, e.indexOf('|'))).toList());
    }

    /** One verb with the plugin on {@code ours} and with sqitch on {@code theirs}: same output and exit value. */
    private void step(String verb, String ours, String theirs) {
        List<String> args = new ArrayList<>(List.of(verb));
        if (verb.equals("revert")) {
            args.add("-y");
        }
        List<String> o = new ArrayList<>(args);
        o.add(uri(ours));
        List<String> s = new ArrayList<>(args);
        s.add(uri(theirs));
        assertSame(project.oursCli(o.toArray(String[]::new)), ours, project.sqitch(s.toArray(String[]::new)),
                theirs);
    }

    private static void assertSame(RealSqitch.Result a, String dbA, RealSqitch.Result b, String dbB) {
        String left = a.exitValue() + "\n" + a.stdout().replace(dbA, "DB") + "--\n" + a.stderr().replace(dbA, "DB");
        String right = b.exitValue() + "\n" + b.stdout().replace(dbB, "DB") + "--\n" + b.stderr().replace(dbB, "DB");
        assertEquals(right, left);
    }

    private String uri(String db) {
        return pg.sqitchUri(db);
    }

    /** The registry's events, oldest first, without their times. */
    private List<String> events(String db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT event, change, change_id, project, note, requires::text,"
                     + " conflicts::text, tags::text, committer_name, committer_email, planned_at, planner_name,"
                     + " planner_email FROM sqitch.events ORDER BY committed_at")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder(rs.getString(1) + " " + rs.getString(2));
                for (int i = 3; i <= 13; i++) {
                    row.append('|').append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
