package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the file rather than of the SQL: each message names the file and what to do, never a raw driver
 * text or a Java exception; nothing is created when a command refuses before writing.
 */
class FailureMessagesTest {

    @TempDir
    Path tmp;

    private static void assertNoJava(RealSqitch.Result r) {
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("[SQLITE_"), r.toString());
    }

    @Test
    void aFullDiskNamesTheDatabase() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("big", "", "PRAGMA max_page_count = 3;\nCREATE TABLE big (v TEXT);\n"
                + "INSERT INTO big SELECT hex(randomblob(4000)) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3);\n",
                "DROP TABLE big;\n", "");
        RealSqitch.Result r = p.oursCli("deploy");
        assertEquals(2, r.exitValue(), r.toString());
        assertTrue(r.stderr().contains("database or disk is full (13)"), r.toString());
        assertTrue(r.stderr().contains("The disk holding " + p.dir.resolve("flipr.db") + " is full"), r.toString());
        assertNoJava(r);
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsNamed() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + p.dir.resolve("flipr.db"));
             Statement st = other.createStatement()) {
            st.execute("CREATE TABLE held (id INTEGER)");
            other.setAutoCommit(false);
            st.execute("INSERT INTO held VALUES (1)");
            RealSqitch.Result r = p.oursCli("deploy");
            assertEquals(2, r.exitValue(), r.toString());
            assertTrue(r.stderr().contains(p.dir.resolve("flipr.db").toString())
                    && r.stderr().contains("is locked by another program"), r.toString());
            assertNoJava(r);
        }
    }

    @Test
    void aRegistryThatIsNoDatabaseIsNamed() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "");
        Files.writeString(p.dir.resolve("sqitch.db"), "not a database, just some text that is long enough to read "
                .repeat(20));
        RealSqitch.Result r = p.oursCli("deploy");
        assertEquals(2, r.exitValue(), r.toString());
        assertTrue(r.stderr().contains("is not a SQLite database or is damaged"), r.toString());
        assertTrue(r.stderr().contains(p.dir.resolve("sqitch.db").toString()), r.toString());
        assertNoJava(r);
    }

    @Test
    void aDeployScriptThatIsADirectoryFailsAsInTheClient() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "");
        Files.delete(p.dir.resolve("deploy/users.sql"));
        Files.createDirectory(p.dir.resolve("deploy/users.sql"));
        RealSqitch.Result r = p.oursCli("deploy");
        assertEquals(2, r.exitValue(), r.toString());
        assertTrue(r.stderr().startsWith("Error: cannot open \"deploy/users.sql\"\n"), r.toString());
        assertNoJava(r);
    }

    @Test
    void anAtomicRefusalCreatesNoFile() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "", "BEGIN;\nCREATE TABLE a (id INTEGER);\nCOMMIT;\nBEGIN;\nCREATE TABLE b (id INTEGER);\n"
                + "COMMIT;\n", "", "");
        RealSqitch.Result r = p.ours(ctx -> new DeployCommand(ctx).execute(DeployOptions.defaults().withAtomic(true)));
        assertEquals(2, r.exitValue(), r.toString());
        assertTrue(r.stderr().contains("Cannot deploy atomically"), r.toString());
        assertFalse(Files.exists(p.dir.resolve("sqitch.db")), "no registry file");
        assertFalse(Files.exists(p.dir.resolve("flipr.db")), "no database file");
        assertFalse(Files.exists(p.dir.resolve("sqitch.db.lock")), "no lock file");
    }
}
