package io.sqlitch.registry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.sqlitch.SqitchException;

/**
 * The registry schema of Sqitch 1.3.1's SQLite engine (release 1.1), reproduced statement for statement so that
 * {@code sqlite_master} (and {@code sqlite3 .dump}) of a registry created here is identical to one Sqitch creates;
 * plus version checks and the upgrades Sqitch ships ({@code sqlite-1.0.sql}, {@code sqlite-1.1.sql}).
 *
 * <p>Every statement is qualified with the schema given to the constructor ({@code main}, or the alias of an
 * attached registry). SQLite stores {@code CREATE TABLE} text without the qualifier, so both modes produce the
 * same {@code sqlite_master}.
 */
public final class RegistrySchema {

    /** Sqitch's {@code registry_release}. */
    public static final String RELEASE = "1.1";

    // The DDL text of lib/App/Sqitch/Engine/sqlite.sql (v1.1): the whitespace is significant (sqlite_master).
    static final List<String> TABLES_1_1 = List.of("""
            CREATE TABLE releases (
                version         FLOAT       PRIMARY KEY,
                installed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                installer_name  TEXT        NOT NULL,
                installer_email TEXT        NOT NULL
            )""", """
            CREATE TABLE projects (
                project         TEXT        PRIMARY KEY,
                uri             TEXT            NULL UNIQUE,
                created_at      DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                creator_name    TEXT        NOT NULL,
                creator_email   TEXT        NOT NULL
            )""", """
            CREATE TABLE changes (
                change_id       TEXT        PRIMARY KEY,
                script_hash     TEXT            NULL,
                change          TEXT        NOT NULL,
                project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
                note            TEXT        NOT NULL DEFAULT '',
                committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                committer_name  TEXT        NOT NULL,
                committer_email TEXT        NOT NULL,
                planned_at      DATETIME    NOT NULL,
                planner_name    TEXT        NOT NULL,
                planner_email   TEXT        NOT NULL,
                UNIQUE(project, script_hash)
            )""", """
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
            )""", """
            CREATE TABLE dependencies (
                change_id       TEXT        NOT NULL REFERENCES changes(change_id) ON UPDATE CASCADE ON DELETE CASCADE,
                type            TEXT        NOT NULL,
                dependency      TEXT        NOT NULL,
                dependency_id   TEXT            NULL REFERENCES changes(change_id) ON UPDATE CASCADE
                                                     CONSTRAINT dependencies_check CHECK (
                        (type = 'require'  AND dependency_id IS NOT NULL)
                     OR (type = 'conflict' AND dependency_id IS NULL)
                ),
                PRIMARY KEY (change_id, dependency)
            )""", """
            CREATE TABLE events (
                event           TEXT        NOT NULL CONSTRAINT events_event_check CHECK (
                    event IN ('deploy', 'revert', 'fail', 'merge')
                ),
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

    /** One step of Sqitch's upgrade scripts: the release it reaches and its statements ({@code %s.} = schema). */
    private record UpgradeStep(String version, List<String> statements) {
    }

    // Engine/Upgrade/sqlite-1.0.sql: releases table, changes.script_hash (filled with change_id), merge events.
    // Its "PRAGMA foreign_keys" lines sit inside the transaction, so they are no-ops and left out here.
    private static final UpgradeStep TO_1_0 = new UpgradeStep("1.0", List.of("""
            CREATE TABLE %s.releases (
                version         FLOAT       PRIMARY KEY,
                installed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                installer_name  TEXT        NOT NULL,
                installer_email TEXT        NOT NULL
            )""", """
            CREATE TABLE %s.new_changes (
                change_id       TEXT        PRIMARY KEY,
                script_hash     TEXT            NULL UNIQUE,
                change          TEXT        NOT NULL,
                project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
                note            TEXT        NOT NULL DEFAULT '',
                committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                committer_name  TEXT        NOT NULL,
                committer_email TEXT        NOT NULL,
                planned_at      DATETIME    NOT NULL,
                planner_name    TEXT        NOT NULL,
                planner_email   TEXT        NOT NULL
            )""", """
            INSERT INTO %s.new_changes
            SELECT change_id, change_id, change, project, note,
                   committed_at, committer_name, committer_email,
                   planned_at, planner_name, planner_email
              FROM %s.changes""",
            "DROP TABLE %s.changes",
            "ALTER TABLE %s.new_changes RENAME TO changes", """
            CREATE TABLE %s.new_events (
                event           TEXT        NOT NULL CHECK (event IN ('deploy', 'revert', 'fail', 'merge')),
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
            )""",
            "INSERT INTO %s.new_events\nSELECT * FROM %s.events",
            "DROP TABLE %s.events",
            "ALTER TABLE %s.new_events RENAME TO events"));

    // Engine/Upgrade/sqlite-1.1.sql: UNIQUE(script_hash) becomes UNIQUE(project, script_hash).
    private static final UpgradeStep TO_1_1 = new UpgradeStep("1.1", List.of("""
            CREATE TABLE %s.new_changes (
                change_id       TEXT        PRIMARY KEY,
                script_hash     TEXT            NULL,
                change          TEXT        NOT NULL,
                project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
                note            TEXT        NOT NULL DEFAULT '',
                committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
                committer_name  TEXT        NOT NULL,
                committer_email TEXT        NOT NULL,
                planned_at      DATETIME    NOT NULL,
                planner_name    TEXT        NOT NULL,
                planner_email   TEXT        NOT NULL,
                UNIQUE(project, script_hash)
            )""",
            "INSERT INTO %s.new_changes\nSELECT * FROM %s.changes",
            "DROP TABLE %s.changes",
            "ALTER TABLE %s.new_changes RENAME TO changes"));

    private static final List<UpgradeStep> UPGRADES = List.of(TO_1_0, TO_1_1);

    private final Connection connection;
    private final String schema;
    private final String q;
    private final Clock clock;

    /**
     * @param connection a connection from {@link RegistryDatabase} (own file or attached)
     * @param schema     {@code main}, or the alias the registry is attached under
     * @param clock      the clock for {@code releases.installed_at}
     */
    public RegistrySchema(Connection connection, String schema, Clock clock) {
        this.connection = connection;
        this.schema = schema;
        this.q = RegistryDatabase.quote(schema);
        this.clock = clock;
    }

    public String schema() {
        return schema;
    }

    /** Whether the {@code changes} table exists (Sqitch's {@code initialized}). */
    public boolean isInitialized() {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT EXISTS(SELECT 1 FROM " + q + ".sqlite_master WHERE type = 'table' AND name = ?)")) {
            st.setString(1, "changes");
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw RegistrySql.wrap(e);
        }
    }

    /**
     * The registry version as Sqitch reads it ({@code CAST(ROUND(MAX(version), 1) AS TEXT)}): {@code "1.1"},
     * {@code "1.0"}, or {@code "0"} when there is no {@code releases} table (or no row in it).
     */
    public String version() {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(ROUND(MAX(version), 1) AS TEXT) FROM " + q + ".releases")) {
            String v = rs.next() ? rs.getString(1) : null;
            return v == null ? "0" : v;
        } catch (SQLException e) {
            if (RegistrySql.isNoSuchTable(e)) {
                return "0";
            }
            throw RegistrySql.wrap(e);
        }
    }

    /** Sqitch's {@code needs_upgrade}: the version differs from {@value #RELEASE}. */
    public boolean needsUpgrade() {
        return compare(version(), RELEASE) != 0;
    }

    /**
     * Creates the 1.1 tables in one transaction, then inserts the {@code releases} row (Sqitch's
     * {@code initialize}: the DDL script, then {@code _register_release}).
     *
     * @param installer    the current user
     * @param databaseName the registry's database name for the error message (the registry URI's dbname)
     */
    public void initialize(Identity installer, String databaseName) {
        if (isInitialized()) {
            throw new SqitchException("Sqitch database " + databaseName + " already initialized");
        }
        inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                for (String table : TABLES_1_1) {
                    st.execute(table.replaceFirst("^CREATE TABLE ", "CREATE TABLE " + q + "."));
                }
            }
        });
        registerRelease(RELEASE, installer);
    }

    /**
     * Fails like Sqitch's {@code _check_registry} unless the registry is at {@value #RELEASE}.
     *
     * @param registryDestination the registry URI for the "No registry found" message
     */
    public void check(String registryDestination) {
        String old = version();
        int cmp = compare(old, RELEASE);
        if (cmp == 0) {
            return;
        }
        if ("0".equals(old) && !isInitialized()) {
            throw new SqitchException("No registry found in " + registryDestination + ". Have you ever deployed?");
        }
        if (cmp > 0) {
            throw new SqitchException("Registry version is " + old + " but " + RELEASE
                    + " is the latest known. Please upgrade Sqitch");
        }
        throw new SqitchException("Registry is at version " + old + " but latest is " + RELEASE
                + ". Please run the \"upgrade\" command");
    }

    /**
     * Sqitch's {@code upgrade_registry}: nothing when at {@value #RELEASE}; otherwise prints
     * {@code Upgrading the Sqitch registry from {old} to 1.1} and {@code   * From {old} to {step}} per script,
     * runs each script in its own transaction and registers its release.
     *
     * @param installer the current user, for the {@code releases} rows
     * @param info      receives Sqitch's info lines
     */
    public void upgrade(Identity installer, Consumer<String> info) {
        String old = version();
        int cmp = compare(old, RELEASE);
        if (cmp == 0) {
            return;
        }
        if (cmp > 0) {
            // upgrade_registry's message has a final period that _check_registry's lacks.
            throw new SqitchException("Registry version is " + old + " but " + RELEASE
                    + " is the latest known. Please upgrade Sqitch.");
        }
        info.accept("Upgrading the Sqitch registry from " + old + " to " + RELEASE);
        for (UpgradeStep step : UPGRADES) {
            if (compare(step.version(), old) <= 0) {
                continue;
            }
            info.accept("  * From " + old + " to " + step.version());
            runUpgrade(step);
            registerRelease(step.version(), installer);
            old = step.version();
        }
    }

    // Sqitch runs upgrade scripts with the sqlite3 client, where foreign keys are off: so do we, and restore the
    // connection's own setting after (off on the engine's connection, which scripts share).
    private void runUpgrade(UpgradeStep step) {
        try (Statement st = connection.createStatement()) {
            boolean foreignKeys;
            try (var rs = st.executeQuery("PRAGMA foreign_keys")) {
                foreignKeys = rs.next() && rs.getInt(1) == 1;
            }
            st.execute("PRAGMA foreign_keys = OFF");
            try {
                inTransaction(() -> {
                    try (Statement each = connection.createStatement()) {
                        for (String sql : step.statements()) {
                            each.execute(sql.replace("%s", q));
                        }
                    }
                });
            } finally {
                st.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
            }
        } catch (SQLException e) {
            throw RegistrySql.wrap(e);
        }
    }

    private void registerRelease(String version, Identity installer) {
        inTransaction(() -> {
            try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + q
                    + ".releases (version, installed_at, installer_name, installer_email) VALUES (?, ?, ?, ?)")) {
                st.setDouble(1, Double.parseDouble(version));
                st.setString(2, RegistryTime.committed(clock.instant()));
                st.setString(3, installer.name());
                st.setString(4, installer.email());
                st.executeUpdate();
            }
        });
    }

    private static int compare(String a, String b) {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    private void inTransaction(RegistrySql.SqlWork work) {
        RegistrySql.inTransaction(connection, work);
    }
}
