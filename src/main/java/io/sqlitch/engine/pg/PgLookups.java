package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.ChangeKey;
import io.sqlitch.registry.Registry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sqitch's change lookups for PostgreSQL (DBIEngine.pm's {@code change_id_for}, offsets, {@code latest_change_id},
 * {@code are_deployed_changes}), the same queries as the SQLite registry's on the session whose search_path is the
 * registry.
 */
final class PgLookups {

    private final Connection connection;

    PgLookups(Connection connection) {
        this.connection = connection;
    }

    private List<String> strings(String sql, Object... params) {
        try {
            return PgSql.strings(connection, sql, params);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    private Optional<String> first(String sql, Object... params) {
        return strings(sql, params).stream().findFirst();
    }

    Optional<String> latestChangeId(String project, int offset) {
        return cid("DESC", project, offset);
    }

    Optional<String> earliestChangeId(String project, int offset) {
        return cid("ASC", project, offset);
    }

    private Optional<String> cid(String order, String project, int offset) {
        try {
            return PgSql.strings(connection, "SELECT change_id FROM changes WHERE project = ? ORDER BY committed_at "
                    + order + " LIMIT 1 OFFSET COALESCE(?::int, 0)", project, offset).stream().findFirst();
        } catch (SQLException e) {
            if (PgSql.isUndefinedTable(e)) {
                return Optional.empty();
            }
            throw PgSql.wrap(e);
        }
    }

    /** Sqitch's {@code deployed_changes_since}: ids committed after {@code changeId}, oldest first. */
    List<String> changeIdsSince(String project, String changeId) {
        return strings("SELECT change_id FROM changes WHERE project = ? AND committed_at > (SELECT committed_at"
                + " FROM changes WHERE change_id = ?) ORDER BY committed_at ASC", project, changeId);
    }

    List<String> areDeployedChanges(Collection<String> changeIds) {
        if (changeIds.isEmpty()) {
            return List.of();
        }
        try {
            return PgSql.strings(connection, "SELECT change_id FROM changes WHERE change_id = ANY(?)",
                    connection.createArrayOf("text", changeIds.toArray()));
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    Optional<String> changeIdForKey(String key, String project, Registry.LookupReporter reporter) {
        ChangeKey k = ChangeKey.parse(key);
        return changeIdFor(k.changeId(), k.change(), k.tag(), project, false, reporter)
                .flatMap(id -> offsetFrom(project, id, k.offset()));
    }

    /** Sqitch's {@code change_id_for}; {@code first} takes the earliest instance of a repeated name. */
    Optional<String> changeIdFor(String changeId, String change, String tag, String project, boolean first,
                                 Registry.LookupReporter reporter) {
        if (notEmpty(changeId)) {
            return first("SELECT change_id FROM changes WHERE change_id = ?", changeId);
        }
        if (notEmpty(change)) {
            if (notEmpty(tag)) {
                if (tag.equals("ROOT")) {
                    return Optional.empty();
                }
                if (tag.equals("HEAD")) {
                    return first("SELECT change_id FROM changes WHERE project = ? AND change = ?"
                            + " ORDER BY committed_at DESC LIMIT 1", project, change);
                }
                return first("SELECT c.change_id FROM changes c JOIN tags t ON c.committed_at <= t.committed_at"
                        + " AND c.project = t.project WHERE c.project = ? AND c.change = ? AND t.tag = ?"
                        + " ORDER BY c.committed_at DESC LIMIT 1", project, change, "@" + tag);
            }
            List<String> ids = strings("SELECT change_id FROM changes WHERE project = ? AND change = ?"
                    + " ORDER BY committed_at ASC", project, change);
            if (first || ids.size() <= 1) {
                return ids.stream().findFirst();
            }
            reportAmbiguity(change, ids, reporter);
        }
        if (notEmpty(tag)) {
            if (tag.equals("HEAD")) {
                return latestChangeId(project, 0);
            }
            if (tag.equals("ROOT")) {
                return earliestChangeId(project, 0);
            }
            return first("SELECT change_id FROM tags WHERE project = ? AND tag = ?", project, "@" + tag);
        }
        return Optional.empty();
    }

    private void reportAmbiguity(String change, List<String> ids, Registry.LookupReporter reporter) {
        if (reporter != null) {
            reporter.vent().accept("Change \"" + change + "\" is ambiguous. Please specify a tag-qualified change:");
            for (int i = ids.size() - 1; i >= 0; i--) {
                String id = ids.get(i);
                reporter.vent().accept("  * " + reporter.planNameForId().apply(id)
                        .orElseGet(() -> nameForChangeId(id).orElse("")));
            }
        }
        throw new SqitchException("Change Lookup Failed");
    }

    private Optional<String> nameForChangeId(String changeId) {
        return first("SELECT c.change || COALESCE((SELECT tag FROM changes c2 JOIN tags t2 ON"
                + " c2.change_id = t2.change_id WHERE c2.committed_at >= c.committed_at AND c2.project = c.project"
                + " LIMIT 1), '@HEAD') FROM changes c WHERE change_id = ?", changeId);
    }

    /** Sqitch's {@code change_id_offset_from_id}. */
    private Optional<String> offsetFrom(String project, String changeId, int offset) {
        if (offset == 0) {
            return Optional.of(changeId);
        }
        String dir = offset > 0 ? "ASC" : "DESC";
        String op = offset > 0 ? ">" : "<";
        return first("SELECT change_id FROM changes WHERE project = ? AND committed_at " + op + " (SELECT"
                + " committed_at FROM changes WHERE change_id = ?) ORDER BY committed_at " + dir
                + " LIMIT 1 OFFSET " + (Math.abs(offset) - 1), project, changeId);
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
