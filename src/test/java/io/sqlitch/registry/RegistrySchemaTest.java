package io.sqlitch.registry;

import static io.sqlitch.registry.RegistryFixture.FROZEN;
import static io.sqlitch.registry.RegistryFixture.MARGE;
import static io.sqlitch.registry.RegistryFixture.row;
import static io.sqlitch.registry.RegistryFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sqlitch.SqitchException;

class RegistrySchemaTest {

    private static final Path ORACLE_DUMP = io.sqlitch.testing.RealSqitch.tutorialOracle().resolve("final/flipr/sqitch.db.dump");

    @TempDir
    Path dir;

    @Test
    void createsTheTablesSqitchCreatesTextForText() throws IOException, SQLException {
        try (Connection c = RegistryFixture.open(dir)) {
            new RegistrySchema(c, "main", FROZEN).initialize(MARGE, "sqitch.db");
            List<String> ours = rows(c, "SELECT sql FROM sqlite_master ORDER BY rowid").stream()
                    .map(r -> r.get(0)).filter(s -> s != null).map(s -> s + ";").toList();
            assertEquals(createStatements(Files.readString(ORACLE_DUMP)), ours);
        }
    }

    /** The CREATE TABLE statements of a {@code sqlite3 .dump}, in order. */
    static List<String> createStatements(String dump) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = null;
        for (String line : dump.split("\n")) {
            if (line.startsWith("CREATE TABLE ")) {
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(current.length() == 0 ? "" : "\n").append(line);
                if (line.endsWith(";")) {
                    statements.add(current.toString());
                    current = null;
                }
            }
        }
        return statements;
    }

    @Test
    void initializeRegistersRelease11AndRefusesASecondTime() throws SQLException {
        try (Connection c = RegistryFixture.open(dir)) {
            RegistrySchema schema = new RegistrySchema(c, "main", FROZEN);
            assertFalse(schema.isInitialized());
            assertEquals("0", schema.version());
            assertTrue(schema.needsUpgrade());
            assertEquals("No registry found in db:sqlite:sqitch.db. Have you ever deployed?",
                    assertThrows(SqitchException.class, () -> schema.check("db:sqlite:sqitch.db")).getMessage());
            schema.initialize(MARGE, "sqitch.db");
            assertTrue(schema.isInitialized());
            assertEquals("1.1", schema.version());
            assertFalse(schema.needsUpgrade());
            schema.check("db:sqlite:sqitch.db");
            assertEquals(List.of(row("1.1", "real", "2026-11-23 20:00:00.000", "Marge Simpson", "marge@example.com")),
                    rows(c, "SELECT version, typeof(version), installed_at, installer_name, installer_email"
                            + " FROM releases"));
            assertEquals("Sqitch database sqitch.db already initialized",
                    assertThrows(SqitchException.class, () -> schema.initialize(MARGE, "sqitch.db")).getMessage());
            assertEquals(List.of(row("1")), rows(c, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void checkNamesTooNewAndTooOldRegistries() throws SQLException {
        try (Connection c = RegistryFixture.open(dir)) {
            RegistrySchema schema = new RegistrySchema(c, "main", FROZEN);
            schema.initialize(MARGE, "sqitch.db");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO releases VALUES (2.0, '2030-01-01 00:00:00.000', 'x', 'y')");
            }
            assertEquals("Registry version is 2.0 but 1.1 is the latest known. Please upgrade Sqitch",
                    assertThrows(SqitchException.class, () -> schema.check("db:sqlite:sqitch.db")).getMessage());
            assertEquals("Registry version is 2.0 but 1.1 is the latest known. Please upgrade Sqitch.",
                    assertThrows(SqitchException.class, () -> schema.upgrade(MARGE, l -> { })).getMessage());
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM releases");
                st.execute("INSERT INTO releases VALUES (1.0, '2030-01-01 00:00:00.000', 'x', 'y')");
            }
            assertEquals("Registry is at version 1.0 but latest is 1.1. Please run the \"upgrade\" command",
                    assertThrows(SqitchException.class, () -> schema.check("db:sqlite:sqitch.db")).getMessage());
        }
    }

    @Test
    void upgradesAPre10RegistryThroughEachReleaseKeepingRows() throws SQLException {
        try (Connection c = RegistryFixture.open(dir)) {
            createPre10Registry(c);
            RegistrySchema schema = new RegistrySchema(c, "main", FROZEN);
            assertTrue(schema.isInitialized());
            assertEquals("0", schema.version());
            assertEquals("Registry is at version 0 but latest is 1.1. Please run the \"upgrade\" command",
                    assertThrows(SqitchException.class, () -> schema.check("db:sqlite:sqitch.db")).getMessage());
            // Before 1.0 there is no script_hash: current state still reads, without a hash.
            Registry registry = new Registry(c, "main", MARGE, FROZEN);
            assertEquals(null, registry.currentState("engine").orElseThrow().scriptHash());

            List<String> info = new ArrayList<>();
            schema.upgrade(MARGE, info::add);
            assertEquals(List.of("Upgrading the Sqitch registry from 0 to 1.1", "  * From 0 to 1.0",
                    "  * From 1.0 to 1.1"), info);
            assertEquals("1.1", schema.version());
            schema.check("db:sqlite:sqitch.db");
            assertEquals(List.of(row("1.0", "Marge Simpson"), row("1.1", "Marge Simpson")),
                    rows(c, "SELECT printf('%.1f', version), installer_name FROM releases ORDER BY version"));
            // sqlite-1.0.sql fills script_hash with the change id; rows and events survive.
            assertEquals(List.of(row("c1", "c1", "users")), rows(c, "SELECT change_id, script_hash, change FROM changes"));
            assertEquals(List.of(row("deploy", "c1")), rows(c, "SELECT event, change_id FROM events"));
            assertEquals(List.of(row("1")), rows(c, "PRAGMA foreign_keys"));
            assertTrue(rows(c, "SELECT sql FROM sqlite_master WHERE name = 'changes'").get(0).get(0)
                    .contains("UNIQUE(project, script_hash)"));
            // A merge event is now allowed.
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO events (event, change_id, change, project, committer_name, committer_email,"
                        + " planned_at, planner_name, planner_email) VALUES ('merge', 'c1', 'users', 'engine', 'a',"
                        + " 'b', '2012-01-01 00:00:00', 'c', 'd')");
            }
            info.clear();
            schema.upgrade(MARGE, info::add);
            assertEquals(List.of(), info);
        }
    }

    /** The registry of a Sqitch before 1.0: no releases table, no script_hash, no merge events. */
    static void createPre10Registry(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE projects (
                        project         TEXT        PRIMARY KEY,
                        uri             TEXT            NULL UNIQUE,
                        created_at      DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        creator_name    TEXT        NOT NULL,
                        creator_email   TEXT        NOT NULL
                    )""");
            st.execute("""
                    CREATE TABLE changes (
                        change_id       TEXT        PRIMARY KEY,
                        change          TEXT        NOT NULL,
                        project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
                        note            TEXT        NOT NULL DEFAULT '',
                        committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        committer_name  TEXT        NOT NULL,
                        committer_email TEXT        NOT NULL,
                        planned_at      DATETIME    NOT NULL,
                        planner_name    TEXT        NOT NULL,
                        planner_email   TEXT        NOT NULL
                    )""");
            st.execute("""
                    CREATE TABLE tags (
                        tag_id          TEXT        PRIMARY KEY,
                        tag             TEXT        NOT NULL,
                        project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
                        change_id       TEXT        NOT NULL REFERENCES changes(change_id) ON UPDATE CASCADE,
                        note            TEXT        NOT NULL DEFAULT '',
                        committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        committer_name  TEXT        NOT NULL,
                        committer_email TEXT        NOT NULL,
                        planned_at      DATETIME    NOT NULL,
                        planner_name    TEXT        NOT NULL,
                        planner_email   TEXT        NOT NULL,
                        UNIQUE(project, tag)
                    )""");
            st.execute("""
                    CREATE TABLE dependencies (
                        change_id       TEXT        NOT NULL REFERENCES changes(change_id) ON UPDATE CASCADE ON DELETE CASCADE,
                        type            TEXT        NOT NULL,
                        dependency      TEXT        NOT NULL,
                        dependency_id   TEXT            NULL REFERENCES changes(change_id) ON UPDATE CASCADE CHECK (
                                (type = 'require'  AND dependency_id IS NOT NULL)
                             OR (type = 'conflict' AND dependency_id IS NULL)
                        ),
                        PRIMARY KEY (change_id, dependency)
                    )""");
            st.execute("""
                    CREATE TABLE events (
                        event           TEXT        NOT NULL CHECK (event IN ('deploy', 'revert', 'fail')),
                        change_id       TEXT        NOT NULL,
                        change          TEXT        NOT NULL,
                        project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
                        note            TEXT        NOT NULL DEFAULT '',
                        requires        TEXT        NOT NULL DEFAULT '',
                        conflicts       TEXT        NOT NULL DEFAULT '',
                        tags            TEXT        NOT NULL DEFAULT '',
                        committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        committer_name  TEXT        NOT NULL,
                        committer_email TEXT        NOT NULL,
                        planned_at      DATETIME    NOT NULL,
                        planner_name    TEXT        NOT NULL,
                        planner_email   TEXT        NOT NULL,
                        PRIMARY KEY (change_id, committed_at)
                    )""");
            st.execute("INSERT INTO projects (project, creator_name, creator_email) VALUES ('engine', 'a', 'b')");
            st.execute("INSERT INTO changes VALUES ('c1', 'users', 'engine', '', '2013-01-01 00:00:00', 'a', 'b',"
                    + " '2012-01-01 00:00:00', 'c', 'd')");
            st.execute("INSERT INTO events (event, change_id, change, project, committed_at, committer_name,"
                    + " committer_email, planned_at, planner_name, planner_email) VALUES ('deploy', 'c1', 'users',"
                    + " 'engine', '2013-01-01 00:00:00', 'a', 'b', '2012-01-01 00:00:00', 'c', 'd')");
        }
    }

    @Test
    void attachedRegistryHasTheSameSchemaAndCommitsWithTheTargetInOneTransaction() throws SQLException {
        Path own = dir.resolve("own");
        Path attached = dir.resolve("attached");
        Files.exists(own);
        own.toFile().mkdirs();
        attached.toFile().mkdirs();
        try (Connection c = RegistryFixture.open(own)) {
            new RegistrySchema(c, "main", FROZEN).initialize(MARGE, "sqitch.db");
        }
        try (Connection target = RegistryDatabase.open(attached.resolve("flipr.db"))) {
            RegistryDatabase.attach(target, attached.resolve("sqitch.db"), "sqitch");
            RegistrySchema schema = new RegistrySchema(target, "sqitch", FROZEN);
            assertFalse(schema.isInitialized());
            schema.initialize(MARGE, "sqitch.db");
            assertTrue(schema.isInitialized());
            assertEquals("1.1", schema.version());
            Registry registry = new Registry(target, "sqitch", MARGE, FROZEN);
            registry.registerProject("flipr", null);
            ChangeRecord users = RegistryFixture.change("flipr", "users", "", List.of(), List.of(), List.of());

            // A failed deploy rolls back the script and the registry rows together...
            target.setAutoCommit(false);
            try (Statement st = target.createStatement()) {
                st.execute("CREATE TABLE main.users (name TEXT)");
            }
            registry.recordDeploy(users);
            target.rollback();
            target.setAutoCommit(true);
            assertFalse(registry.isDeployedChange(users.id()));
            assertEquals(List.of(), rows(target, "SELECT name FROM main.sqlite_master WHERE name = 'users'"));

            // ...and a good one commits both.
            target.setAutoCommit(false);
            try (Statement st = target.createStatement()) {
                st.execute("CREATE TABLE main.users (name TEXT)");
            }
            registry.recordDeploy(users);
            target.commit();
            target.setAutoCommit(true);
            assertTrue(registry.isDeployedChange(users.id()));
            assertEquals(List.of(row("users")), rows(target, "SELECT name FROM main.sqlite_master WHERE name = 'users'"));
            assertEquals("users@HEAD", registry.nameForChangeId(users.id()).orElseThrow());
            assertEquals(1, registry.searchEvents(new EventQuery(null, "^us", null, null, null, null, null, false))
                    .size());
        }
        try (Connection a = RegistryFixture.open(own); Connection b = RegistryFixture.open(attached)) {
            assertEquals(rows(a, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"),
                    rows(b, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"));
            assertEquals(List.of(row("users")), rows(b, "SELECT change FROM changes"));
        }
    }
}
