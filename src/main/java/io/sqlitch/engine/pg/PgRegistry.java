package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.Dependency;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.TagRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sqitch's PostgreSQL registry on the registry session (pg.pm + DBIEngine.pm): the session set-up, creation and
 * upgrade of the schema, project registration and the rows of deploy, fail and revert, with the SQL and order
 * Sqitch uses ({@code clock_timestamp()} for every committed time, arrays for the event lists, one multi-row
 * INSERT for dependencies and for tags, {@code LOCK TABLE changes IN EXCLUSIVE MODE} at the start of each
 * registry transaction). Reads are in {@link PgRegistryReads}.
 */
public final class PgRegistry {

    private final Connection connection;
    private final String registry;
    private final Identity user;
    private final boolean yugabyte;
    /** Sqitch's cockroach engine: no table lock, registry scripts without a transaction of their own. */
    private final boolean cockroach;

    private PgRegistry(Connection connection, String registry, Identity user, boolean yugabyte, boolean cockroach) {
        this.connection = connection;
        this.registry = registry;
        this.user = user;
        this.yugabyte = yugabyte;
        this.cockroach = cockroach;
    }

    /**
     * Sets up the registry session as Sqitch's {@code connected} callback does: warnings only, the registry as the
     * whole search_path (a missing schema is no error here), and the Yugabyte check.
     */
    public static PgRegistry open(Connection connection, String registry, Identity user) {
        return open(connection, registry, user, false);
    }

    /** The same for Sqitch's cockroach engine when {@code cockroach}. */
    public static PgRegistry open(Connection connection, String registry, Identity user, boolean cockroach) {
        try {
            PgSql.execute(connection, "SET client_min_messages = WARNING");
            PgSql.execute(connection, "SET search_path = " + PsqlQuoting.literal(registry));
            String provider = PgSql.strings(connection, "SELECT split_part(version(), ' ', 2)").get(0);
            return new PgRegistry(connection, registry, user, provider.contains("-YB-"), cockroach);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public boolean yugabyte() {
        return yugabyte;
    }

    public boolean cockroach() {
        return cockroach;
    }

    /** Sqitch's {@code initialized}: the registry schema has a {@code changes} table. */
    public boolean initialized() {
        try {
            return "t".equals(PgSql.strings(connection, "SELECT EXISTS(SELECT TRUE FROM pg_catalog.pg_tables"
                    + " WHERE schemaname = ? AND tablename = ?)", registry, "changes").get(0));
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    /** {@code SELECT MAX(version)::TEXT FROM releases}; "0" without a releases table (so 1.0 reads "1"). */
    public String registryVersion() {
        try {
            String v = PgSql.strings(connection, "SELECT MAX(version)::TEXT FROM releases").get(0);
            return v == null ? "0" : v;
        } catch (SQLException e) {
            if (PgSql.isUndefinedTable(e)) {
                return "0";
            }
            throw PgSql.wrap(e);
        }
    }

    /**
     * Creates the registry (schema 1.1) and its release row. Unlike Sqitch, which runs pg.sql through psql and
     * inserts the release in a second transaction, both commit together: a kill in between cannot leave a
     * registry without its release row (on CockroachDB as Sqitch: see {@link PgRegistryInstall}).
     */
    public void create() {
        new PgRegistryInstall(this).create();
    }

    /**
     * Runs the upgrades above {@code from} (Sqitch's {@code upgrade_registry}), each with its release row in
     * one transaction, reporting {@code   * From 0 to 1.0} lines through {@code info}.
     */
    public void upgrade(String from, Consumer<String> info) {
        new PgRegistryInstall(this).upgrade(from, info);
    }

    String name() {
        return registry;
    }

    Identity user() {
        return user;
    }

    /**
     * Sqitch's {@code begin_work} for one change: a transaction on the registry session that starts with
     * {@code LOCK TABLE changes IN EXCLUSIVE MODE} and is held while the change's scripts run in their own
     * sessions; {@link #logDeploy}, {@link #logFail} or {@link #logRevert} write into it, {@link #finishWork()}
     * commits, {@link #rollbackWork()} abandons it.
     */
    public void beginWork() {
        try {
            connection.setAutoCommit(false);
            lockChanges();
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    public void finishWork() {
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    public void rollbackWork() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    /** The deploy rows inside {@link #beginWork()}. */
    public void logDeploy(ChangeRecord change) {
        within(() -> insertDeploy(change));
    }

    /** The fail event inside {@link #beginWork()}. */
    public void logFail(ChangeRecord change) {
        within(() -> insertEvent("fail", change));
    }

    /** The revert rows inside {@link #beginWork()}. */
    public void logRevert(String changeId) {
        within(() -> insertRevert(changeId));
    }

    private static void within(PgSql.Work work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    /** Sqitch's begin_work: every registry transaction starts with this (not on Yugabyte or CockroachDB). */
    void lockChanges() throws SQLException {
        if (!yugabyte && !cockroach) {
            PgSql.execute(connection, "LOCK TABLE changes IN EXCLUSIVE MODE");
        }
    }

    /** Sqitch's {@code register_project}, in autocommit, with the four {@code Cannot register} errors. */
    public void registerProject(String project, String uri) {
        try {
            List<String> registered = new ArrayList<>();
            boolean exists = false;
            try (PreparedStatement st = PgSql.prepare(connection, "SELECT uri FROM projects WHERE project = ?",
                    project); ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    exists = true;
                    registered.add(rs.getString(1));
                }
            }
            if (exists) {
                String regUri = registered.get(0);
                if (uri != null && regUri == null) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": already exists with NULL URI");
                }
                if (uri == null && regUri != null) {
                    throw new SqitchException("Cannot register \"" + project + "\" without URI: already exists with"
                            + " URI " + regUri);
                }
                if (uri != null && !uri.equals(regUri)) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": already exists with URI " + regUri);
                }
                return;
            }
            if (uri != null) {
                List<String> using = PgSql.strings(connection, "SELECT project FROM projects WHERE uri = ?", uri);
                if (!using.isEmpty()) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": project \"" + using.get(0) + "\" already using that URI");
                }
            }
            PgSql.update(connection, "INSERT INTO projects (project, uri, creator_name, creator_email, created_at)"
                    + " VALUES (?, ?, ?, ?, clock_timestamp())", project, uri, user.name(), user.email());
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    /** Sqitch's {@code log_deploy_change}: changes row, dependencies, tags, then the deploy event. */
    public void recordDeploy(ChangeRecord change) {
        PgSql.inTransaction(connection, () -> {
            lockChanges();
            insertDeploy(change);
        });
    }

    /** The rows of a deploy inside a transaction the caller holds (after {@link #lockChanges()}). */
    void insertDeploy(ChangeRecord change) throws SQLException {
        PgSql.update(connection, "INSERT INTO changes (change_id, script_hash, change, project, note,"
                        + " committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, clock_timestamp())",
                change.id(), change.scriptHash(), change.name(), change.project(), change.note(), user.name(),
                user.email(), PgSql.planned(change.plannedAt()), change.planner().name(), change.planner().email());
        List<Object> params = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (Dependency d : change.requires()) {
            rows.add("(?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(change.id(), "require", d.asString(), d.resolvedId()));
        }
        for (Dependency d : change.conflicts()) {
            rows.add("(?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(change.id(), "conflict", d.asString(), null));
        }
        if (!rows.isEmpty()) {
            PgSql.update(connection, "INSERT INTO dependencies (change_id, type, dependency, dependency_id) VALUES "
                    + String.join(", ", rows), params.toArray());
        }
        insertTags(change.id(), change.project(), change.tags());
        insertEvent("deploy", change);
    }

    /** Sqitch's {@code log_fail_change}: a fail event with the plan's lists. */
    public void recordFail(ChangeRecord change) {
        PgSql.inTransaction(connection, () -> {
            lockChanges();
            insertEvent("fail", change);
        });
    }

    /**
     * Sqitch's {@code log_revert_change}: deletes the tags (keeping their names), reads the dependency arrays,
     * deletes the change (dependencies cascade) and writes the revert event from the deleted row.
     */
    public void recordRevert(String changeId) {
        PgSql.inTransaction(connection, () -> {
            lockChanges();
            insertRevert(changeId);
        });
    }

    void insertRevert(String changeId) throws SQLException {
        List<String> tags = PgSql.strings(connection, "DELETE FROM tags WHERE change_id = ? RETURNING tag", changeId);
        Array requires;
        Array conflicts;
        try (PreparedStatement st = PgSql.prepare(connection, "SELECT ARRAY(SELECT dependency FROM dependencies"
                + " WHERE change_id = ? AND type = 'require'), ARRAY(SELECT dependency FROM dependencies"
                + " WHERE change_id = ? AND type = 'conflict')", changeId, changeId);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            requires = rs.getArray(1);
            conflicts = rs.getArray(2);
        }
        int deleted;
        try (PreparedStatement st = PgSql.prepare(connection, "DELETE FROM changes WHERE change_id = ? RETURNING"
                + " change, project, note, planned_at, planner_name, planner_email", changeId);
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SqitchException("Change " + changeId + " is not deployed");
            }
            PgSql.update(connection, "INSERT INTO events (event, change_id, change, project, note, tags, requires,"
                            + " conflicts, committer_name, committer_email, planned_at, planner_name, planner_email,"
                            + " committed_at) VALUES ('revert', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " clock_timestamp())",
                    changeId, rs.getString(1), rs.getString(2), rs.getString(3),
                    connection.createArrayOf("text", tags.toArray()), requires, conflicts, user.name(), user.email(),
                    rs.getObject(4), rs.getString(5), rs.getString(6));
        }
    }

    /** Sqitch's {@code log_new_tags}: the change's plan tags the registry lacks, in one INSERT ... SELECT. */
    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        if (tags.isEmpty()) {
            return;
        }
        try {
            List<String> rows = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (TagRecord t : tags) {
                rows.add("(?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::text,"
                        + " ?::text)");
                params.addAll(java.util.Arrays.asList(t.id(), t.formatName(), project, changeId, t.note(),
                        user.name(), user.email(), PgSql.planned(t.plannedAt()), t.planner().name(),
                        t.planner().email()));
            }
            PgSql.update(connection, "INSERT INTO tags (tag_id, tag, project, change_id, note, committer_name,"
                    + " committer_email, planned_at, planner_name, planner_email) SELECT i.* FROM (VALUES "
                    + String.join(", ", rows) + ") i(tid, tname, proj, cid, note, cuser, cemail, tts, puser, pemail)"
                    + " LEFT JOIN tags ON i.tid = tags.tag_id WHERE tags.tag_id IS NULL", params.toArray());
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    /** Sqitch's {@code _update_script_hashes} for registries upgraded from before 1.0. */
    public void updateScriptHashes(String project, Map<String, String> scriptHashById) {
        PgSql.inTransaction(connection, () -> {
            lockChanges();
            for (Map.Entry<String, String> e : scriptHashById.entrySet()) {
                PgSql.update(connection, "UPDATE changes SET script_hash = ? WHERE change_id = ? AND script_hash = ?",
                        e.getValue(), e.getKey(), e.getKey());
            }
            PgSql.update(connection, "UPDATE changes SET script_hash = NULL WHERE project = ?"
                    + " AND script_hash = change_id", project);
        });
    }

    private void insertTags(String changeId, String project, List<TagRecord> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        List<String> rows = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (TagRecord t : tags) {
            rows.add("(?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, clock_timestamp())");
            params.addAll(java.util.Arrays.asList(t.id(), t.formatName(), project, changeId, t.note(), user.name(),
                    user.email(), PgSql.planned(t.plannedAt()), t.planner().name(), t.planner().email()));
        }
        PgSql.update(connection, "INSERT INTO tags (tag_id, tag, project, change_id, note, committer_name,"
                + " committer_email, planned_at, planner_name, planner_email, committed_at) VALUES "
                + String.join(", ", rows), params.toArray());
    }

    private void insertEvent(String event, ChangeRecord c) throws SQLException {
        PgSql.update(connection, "INSERT INTO events (event, change_id, change, project, note, tags, requires,"
                        + " conflicts, committer_name, committer_email, planned_at, planner_name, planner_email,"
                        + " committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?,"
                        + " clock_timestamp())",
                event, c.id(), c.name(), c.project(), c.note(),
                text(c.tags().stream().map(TagRecord::formatName).toList()),
                text(c.requires().stream().map(Dependency::asString).toList()),
                text(c.conflicts().stream().map(Dependency::asString).toList()), user.name(), user.email(),
                PgSql.planned(c.plannedAt()), c.planner().name(), c.planner().email());
    }

    private Array text(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /** The registry's current version, or empty when there is no registry. */
    public Optional<String> version() {
        return initialized() ? Optional.of(registryVersion()) : Optional.empty();
    }
}
