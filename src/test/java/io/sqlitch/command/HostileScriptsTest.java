package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts that name registry tables or rely on the sqlite3 client's defaults: each runs with our engine and with
 * real Sqitch on copies of one project; both end with the same exit value and the same target database, and our
 * registry keeps every table and row (status still reads it).
 */
class HostileScriptsTest {

    static final List<String> REGISTRY_TABLES = List.of("changes", "dependencies", "events", "projects", "releases",
            "tags");

    @TempDir
    Path tmp;

    /** A first, ordinary change, then {@code name} with these scripts. */
    private EngineProject project(Path root, String name, String deploy, String verify) {
        EngineProject p = new EngineProject(root);
        p.add("users", "");
        p.add(name, "users", deploy, "DROP TABLE IF EXISTS " + name + ";\n", verify);
        return p;
    }

    private static List<String> tables(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Deploys with both tools; returns our result after checking exit values, target dumps and our registry. */
    private RealSqitch.Result compare(String name, String deploy, String verify, String... args) throws Exception {
        EngineProject ours = project(tmp.resolve("ours"), name, deploy, verify);
        List<String> cli = new ArrayList<>(List.of("deploy"));
        cli.addAll(List.of(args));
        RealSqitch.Result o = ours.oursCli(cli.toArray(String[]::new));
        assertTrue(tables(ours.dir.resolve("sqitch.db")).containsAll(REGISTRY_TABLES),
                "registry tables after " + o + ": " + tables(ours.dir.resolve("sqitch.db")));
        int events = count(ours.dir.resolve("sqitch.db"), "SELECT count(*) FROM events");
        assertTrue(events >= 2, "events " + events + " after " + o);
        RealSqitch.Result status = ours.ours(ctx -> new StatusCommand(ctx).execute(StatusOptions.defaults()));
        assertTrue(status.exitValue() < 2, status.toString());
        if (RealSqitch.available()) {
            EngineProject theirs = project(tmp.resolve("theirs"), name, deploy, verify);
            List<String> sq = new ArrayList<>(cli);
            RealSqitch.Result s = theirs.sqitch(sq.toArray(String[]::new));
            assertEquals(s.exitValue(), o.exitValue(), "sqitch " + s + "\nours " + o);
            assertEquals(theirs.dump("flipr.db"), ours.dump("flipr.db"));
        }
        return o;
    }

    @Test
    void aScriptDroppingTagsDropsNothingOfTheRegistry() throws Exception {
        RealSqitch.Result r = compare("t", "BEGIN;\nDROP TABLE IF EXISTS tags;\nDROP TABLE IF EXISTS changes;\n"
                + "CREATE TABLE t (id INTEGER);\nCOMMIT;\n", "");
        assertEquals(0, r.exitValue(), r.toString());
    }

    @Test
    void aScriptDeletingEventsFailsAsInTheClientAndKeepsTheHistory() throws Exception {
        RealSqitch.Result r = compare("t", "BEGIN;\nDELETE FROM events;\nCREATE TABLE t (id INTEGER);\nCOMMIT;\n", "");
        assertEquals(2, r.exitValue(), r.toString());
        assertTrue(r.stderr().contains("no such table: events"), r.toString());
    }

    @Test
    void aScriptManagingItsOwnTransactionsSeesNoRegistryEither() throws Exception {
        RealSqitch.Result r = compare("t", "BEGIN;\nCREATE TABLE t (id INTEGER);\nCOMMIT;\nBEGIN;\n"
                + "DROP TABLE IF EXISTS projects;\nCOMMIT;\nDELETE FROM releases;\n", "");
        assertEquals(2, r.exitValue(), r.toString());
    }

    @Test
    void aVerifyScriptReadingEventsFails() throws Exception {
        RealSqitch.Result r = compare("t", "CREATE TABLE t (id INTEGER);\n", "SELECT change_id FROM events WHERE 0;\n",
                "--verify");
        assertEquals(2, r.exitValue(), r.toString());
    }

    @Test
    void foreignKeysAreOffAsInTheClient() throws Exception {
        RealSqitch.Result r = compare("t", "BEGIN;\nCREATE TABLE user (user_id INTEGER PRIMARY KEY);\n"
                + "INSERT INTO user VALUES (1);\n"
                + "CREATE TEMPORARY TABLE x (user_id INTEGER, FOREIGN KEY(user_id) REFERENCES user(user_id));\n"
                + "INSERT INTO x SELECT user_id FROM user;\nCREATE TABLE t (id INTEGER);\n"
                + "CREATE TABLE child (p INTEGER REFERENCES t(id));\nINSERT INTO child VALUES (42);\nCOMMIT;\n", "");
        assertEquals(0, r.exitValue(), r.toString());
    }

    @Test
    void revertScriptsSeeNoRegistry() throws Exception {
        EngineProject p = project(tmp, "t", "CREATE TABLE t (id INTEGER);\n", "");
        p.write("revert/t.sql", "DROP TABLE t;\nDROP TABLE IF EXISTS dependencies;\nDROP TABLE IF EXISTS tags;\n");
        assertEquals(0, p.oursCli("deploy").exitValue());
        RealSqitch.Result r = p.oursCli("revert", "-y");
        assertEquals(0, r.exitValue(), r.toString());
        assertTrue(tables(p.dir.resolve("sqitch.db")).containsAll(REGISTRY_TABLES));
        assertEquals(0, count(p.dir.resolve("sqitch.db"), "SELECT count(*) FROM changes"));
        assertEquals(0, count(p.dir.resolve("sqitch.db"), "SELECT count(*) FROM tags"));
        assertEquals(4, count(p.dir.resolve("sqitch.db"), "SELECT count(*) FROM events"));
        assertTrue(Files.exists(p.dir.resolve("flipr.db")));
    }

    @Test
    void aStatementLongerThanTheDriversDefaultLimitRunsAsInTheClient() throws Exception {
        // sqlite-jdbc's default limit is 1 MB; SQLite's and the client's is 1e9 bytes.
        String big = "x".repeat(3_000_000);
        RealSqitch.Result r = compare("t", "CREATE TABLE t (v TEXT);\nINSERT INTO t VALUES ('" + big + "');\n", "");
        assertEquals(0, r.exitValue(), r.toString());
    }

    @Test
    void eachScriptStartsAsInAFreshClient() throws Exception {
        // The first change leaves a TEMP table, foreign keys on and durability off; with Sqitch its client exits.
        EngineProject p = new EngineProject(tmp);
        p.add("one", "", "CREATE TEMP TABLE scratch (id INTEGER);\nPRAGMA foreign_keys = ON;\n"
                + "PRAGMA synchronous = OFF;\nPRAGMA recursive_triggers = ON;\nCREATE TABLE one (id INTEGER);\n",
                "DROP TABLE one;\n", "");
        p.add("two", "one", "CREATE TEMP TABLE scratch (id INTEGER);\nCREATE TABLE parent (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE two (p INTEGER REFERENCES parent(id));\nINSERT INTO two VALUES (7);\n",
                "DROP TABLE two;\nDROP TABLE parent;\n", "");
        RealSqitch.Result r = p.oursCli("deploy");
        assertEquals(0, r.exitValue(), r.toString());
        if (RealSqitch.available()) {
            EngineProject theirs = p.copyTo(tmp.resolve("theirs"));
            java.nio.file.Files.deleteIfExists(theirs.dir.resolve("flipr.db"));
            java.nio.file.Files.deleteIfExists(theirs.dir.resolve("sqitch.db"));
            assertEquals(0, theirs.sqitch("deploy").exitValue());
            assertEquals(theirs.dump("flipr.db"), p.dump("flipr.db"));
        }
    }
}
