package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.ChangeIdLookup;
import io.sqlitch.registry.Registry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sqitch's change lookups for PostgreSQL on the session whose search_path is the registry: {@code change_id_for},
 * offsets and {@code latest_change_id} are the shared {@link ChangeIdLookup} over bare table names;
 * {@code are_deployed_changes} binds an array, as pg.pm does.
 */
final class PgLookups implements ChangeIdLookup.Sql {

    private final Connection connection;
    private final ChangeIdLookup lookup;

    PgLookups(Connection connection) {
        this.connection = connection;
        this.lookup = new ChangeIdLookup(this);
    }

    @Override
    public String table(String name) {
        return name;
    }

    @Override
    public List<String> strings(String sql, Object... params) {
        try {
            return PgSql.strings(connection, sql, params);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    @Override
    public boolean isMissingTable(SqitchException e) {
        return e.getCause() instanceof SQLException sql && PgSql.isUndefinedTable(sql);
    }

    Optional<String> latestChangeId(String project, int offset) {
        return lookup.latestChangeId(project, offset);
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
        return lookup.changeIdForKey(key, project, reporter);
    }

    /** Sqitch's {@code change_id_for}; {@code first} takes the earliest instance of a repeated name. */
    Optional<String> changeIdFor(String changeId, String change, String tag, String project, boolean first,
                                 Registry.LookupReporter reporter) {
        return lookup.changeIdFor(changeId, change, tag, project, first, reporter);
    }
}
