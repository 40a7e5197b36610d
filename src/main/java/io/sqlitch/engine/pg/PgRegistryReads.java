package io.sqlitch.engine.pg;

import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.DeployedTag;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.RequiringChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sqitch's registry reads for PostgreSQL (DBIEngine.pm with pg.pm's formats): timestamps through {@code to_char}
 * in UTC (seconds), tag lists sorted by name with {@code array_agg(... ORDER BY tag)}. A registry without tables
 * reads as empty; one from before 1.0 (no {@code script_hash}) reads with null hashes.
 */
public final class PgRegistryReads implements io.sqlitch.registry.ReportQueries {

    private static final String GROUP = " GROUP BY c.change_id, c.change, c.project, c.note, c.committer_name,"
            + " c.committer_email, c.committed_at, c.planner_name, c.planner_email, c.planned_at";

    private final Connection connection;
    /** CockroachDB reads timestamps through its own function. */
    private final boolean cockroach;

    public PgRegistryReads(Connection connection) {
        this(connection, false);
    }

    public PgRegistryReads(Connection connection, boolean cockroach) {
        this.connection = connection;
        this.cockroach = cockroach;
    }

    private String columns(boolean hash) {
        return "c.change_id, " + (hash ? "c.script_hash" : "NULL::text") + ", c.change, c.project, c.note,"
                + " c.committer_name, c.committer_email, " + PgSql.ts("c.committed_at", cockroach)
                + ", c.planner_name, c.planner_email, " + PgSql.ts("c.planned_at", cockroach)
                + ", array_remove(array_agg(t.tag ORDER BY t.tag), NULL)";
    }

    /** Sqitch's {@code current_state}: the project's latest deployed change, if any. */
    public Optional<DeployedChange> currentState(String project) {
        List<DeployedChange> rows = changes(" WHERE c.project = ?" + "%GROUP%" + " ORDER BY c.committed_at DESC"
                + " LIMIT 1", project);
        return rows.stream().findFirst();
    }

    /** The project's deployed changes, oldest first (Sqitch's {@code deployed_changes}). */
    public List<DeployedChange> deployedChanges(String project) {
        return changes(" WHERE c.project = ?" + "%GROUP%" + " ORDER BY c.committed_at ASC", project);
    }

    /** The project's deployed changes, newest first (Sqitch's {@code current_changes}, for status). */
    public List<DeployedChange> currentChanges(String project) {
        return changes(" WHERE c.project = ?" + "%GROUP%" + " ORDER BY c.committed_at DESC", project);
    }

    /** One deployed change by id (Sqitch's {@code load_change}). */
    public Optional<DeployedChange> loadChange(String changeId) {
        return changes(" WHERE c.change_id = ?" + "%GROUP%", changeId).stream().findFirst();
    }

    private List<DeployedChange> changes(String where, String param) {
        try {
            return query(true, where, param);
        } catch (SQLException e) {
            if (PgSql.isUndefinedTable(e)) {
                return List.of();
            }
            if ("42703".equals(e.getSQLState())) {
                try {
                    return query(false, where, param);
                } catch (SQLException again) {
                    throw PgSql.wrap(again);
                }
            }
            throw PgSql.wrap(e);
        }
    }

    private List<DeployedChange> query(boolean hash, String where, String param) throws SQLException {
        String sql = "SELECT " + columns(hash) + " FROM changes c LEFT JOIN tags t ON c.change_id = t.change_id"
                + where.replace("%GROUP%", GROUP + (hash ? ", c.script_hash" : ""));
        List<DeployedChange> out = new ArrayList<>();
        try (PreparedStatement st = PgSql.prepare(connection, sql, param); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String[] tags = (String[]) rs.getArray(12).getArray();
                out.add(new DeployedChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), new Identity(rs.getString(6), rs.getString(7)), PgSql.parseTs(rs.getString(8)),
                        new Identity(rs.getString(9), rs.getString(10)), PgSql.parseTs(rs.getString(11)),
                        Arrays.asList(tags)));
            }
        }
        return out;
    }

    /** Sqitch's {@code current_tags}: the project's tags, newest first. */
    public List<DeployedTag> currentTags(String project) {
        String sql = "SELECT tag_id, tag, change_id, committer_name, committer_email, " + PgSql.ts("committed_at", cockroach)
                + ", planner_name, planner_email, " + PgSql.ts("planned_at", cockroach)
                + " FROM tags WHERE project = ? ORDER BY tags.committed_at DESC";
        List<DeployedTag> out = new ArrayList<>();
        try (PreparedStatement st = PgSql.prepare(connection, sql, project); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new DeployedTag(rs.getString(1), rs.getString(2), rs.getString(3),
                        new Identity(rs.getString(4), rs.getString(5)), PgSql.parseTs(rs.getString(6)),
                        new Identity(rs.getString(7), rs.getString(8)), PgSql.parseTs(rs.getString(9))));
            }
        } catch (SQLException e) {
            if (!PgSql.isUndefinedTable(e)) {
                throw PgSql.wrap(e);
            }
        }
        return out;
    }

    /** Sqitch's {@code search_events}, for {@code log}. */
    public List<io.sqlitch.registry.RegistryEvent> searchEvents(io.sqlitch.registry.EventQuery query) {
        return PgEventSearch.search(connection, query, cockroach);
    }

    /** Sqitch's {@code registered_projects}. */
    public List<String> registeredProjects() {
        try {
            return PgSql.strings(connection, "SELECT project FROM projects ORDER BY project");
        } catch (SQLException e) {
            if (PgSql.isUndefinedTable(e)) {
                return List.of();
            }
            throw PgSql.wrap(e);
        }
    }

    /** Sqitch's {@code is_deployed_change}. */
    public boolean isDeployedChange(String changeId) {
        try {
            return "t".equals(PgSql.strings(connection, "SELECT EXISTS(SELECT 1 FROM changes WHERE change_id = ?)",
                    changeId).get(0));
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    /**
     * Sqitch's {@code changes_requiring_change}: deployed changes that require this one, each with the first tag
     * committed at or after it in its project.
     */
    public List<RequiringChange> changesRequiringChange(String changeId) {
        String sql = "SELECT c.change_id, c.project, c.change, (SELECT tag FROM changes c2 JOIN tags ON"
                + " c2.change_id = tags.change_id WHERE c2.project = c.project AND c2.committed_at >= c.committed_at"
                + " ORDER BY c2.committed_at LIMIT 1) AS asof_tag FROM dependencies d JOIN changes c"
                + " ON c.change_id = d.change_id WHERE d.dependency_id = ?";
        List<RequiringChange> out = new ArrayList<>();
        try (PreparedStatement st = PgSql.prepare(connection, sql, changeId); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new RequiringChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
        return out;
    }
}
