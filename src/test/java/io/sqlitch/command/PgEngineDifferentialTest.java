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
 * works on the registry the other wrote, and the two registries' events are equal but for their times. The
 * plugin runs these scripts in-process, so most go the one-transaction path (script, verify and rows committed
 * together): the output and rows are still Sqitch's, the scripts still see a new session's settings (the
 * role's search_path, notices shown), and a script with {@code CREATE INDEX CONCURRENTLY} runs as Sqitch runs it.
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
                        + "\\echo created users\nSELECT current_setting('search_path');\n"
                        + "DO $$ BEGIN RAISE NOTICE 'users made'; END $$;\nCOMMIT;\n", "DROP TABLE flipr.users;\n",
                "BEGIN;\nSELECT nickname FROM flipr.users WHERE FALSE;\nROLLBACK;\n");
        project.tag("v1.0");
        // Its own search_path, which neither the registry rows nor the next change's script may see.
        project.add("flips", "users", "SET search_path = flipr;\n"
                        + "CREATE TABLE flips (id INT, nickname TEXT REFERENCES users);\n",
                "DROP TABLE flipr.flips;\n", "SELECT id FROM flipr.flips WHERE FALSE;\n");
        project.add("flipsidx", "flips", "SELECT current_setting('search_path');\n"
                        + "CREATE INDEX CONCURRENTLY flips_nick ON flipr.flips (nickname);\n",
                "DROP INDEX CONCURRENTLY flipr.flips_nick;\n",
                "SELECT 1 / count(*) FROM pg_indexes WHERE indexname = 'flips_nick';\n");
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
        step("deploy", ours, theirs, "--verify");
        step("revert", ours, theirs);
        assertEquals(events(theirs), events(ours));
    }

    @Test
    void aFailingVerifyUndoesTheChangeAsSqitchDoes() throws Exception {
        project.add("badverify", "flips", "BEGIN;\nCREATE TABLE flipr.bad (id INT);\nCOMMIT;\n",
                "BEGIN;\nDROP TABLE flipr.bad;\nCOMMIT;\n", "BEGIN;\nSELECT nosuch FROM flipr.bad;\nROLLBACK;\n");
        String ours = pg.createDatabase("ours");
        String theirs = pg.createDatabase("theirs");
        step("deploy", ours, theirs, "--verify", "--mode", "change");
        assertEquals(events(theirs), events(ours));
        assertEquals(List.of("fail badverify"), events(ours).stream().filter(e -> e.startsWith("fail")).map(
                e -> e.substring(0, e.indexOf('|'))).toList());
        assertEquals(tables(theirs), tables(ours));
        assertEquals("[flips, users]", tables(ours));
    }

    @Test
    void aFailingScriptIsRevertedAsSqitchRevertsIt() throws Exception {
        // Wrapped, so that psql's run leaves nothing either (a bare script's earlier statements would stay with
        // psql, not on the one-transaction path: PgOneTransactionTest).
        project.add("broken", "flipsidx", "BEGIN;\nCREATE TABLE flipr.broken (id INT);\nSELECT nosuch;\nCOMMIT;\n",
                "DROP TABLE flipr.broken;\n", "SELECT 1;\n");
        String ours = pg.createDatabase("ours");
        String theirs = pg.createDatabase("theirs");
        step("deploy", ours, theirs);
        assertEquals(events(theirs), events(ours));
        assertEquals(List.of("fail broken"), events(ours).stream().filter(e -> e.startsWith("fail")).map(
                e -> e.substring(0, e.indexOf('|'))).toList());
    }

    /** One verb with the plugin on {@code ours} and with sqitch on {@code theirs}: same output and exit value. */
    private void step(String verb, String ours, String theirs, String... options) {
        List<String> args = new ArrayList<>(List.of(verb));
        if (verb.equals("revert")) {
            args.add("-y");
        }
        args.addAll(List.of(options));
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

    /** The tables of schema flipr. */
    private String tables(String db) throws Exception {
        return pg.column(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'flipr' ORDER BY 1").toString();
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
