package io.sqlitch.engine.pg;

import io.sqlitch.registry.EventQuery;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.RegistryEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sqitch's {@code search_events} on PostgreSQL, for {@code log}: patterns with the POSIX regex operator {@code ~},
 * the event filter as {@code = ANY(?)} bound to an array, {@code LIMIT ?}/{@code OFFSET ?} bound. The arrays come
 * back in {@link RegistryEvent}'s text form (requires and conflicts joined by {@code ,}, tags by a space).
 */
final class PgEventSearch {

    private PgEventSearch() {
    }

    static List<RegistryEvent> search(Connection connection, EventQuery query, boolean cockroach) {
        List<String> wheres = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        query.patternsByColumn().forEach((column, pattern) -> {
            wheres.add(column + " ~ ?");
            params.add(pattern);
        });
        try {
            if (!query.events().isEmpty()) {
                wheres.add("e.event = ANY(?)");
                params.add(connection.createArrayOf("text", query.events().toArray()));
            }
            StringBuilder sql = new StringBuilder("SELECT e.event, e.project, e.change_id, e.change, e.note,"
                    + " e.requires, e.conflicts, e.tags, e.committer_name, e.committer_email, "
                    + PgSql.ts("e.committed_at", cockroach) + ", e.planner_name, e.planner_email, " + PgSql.ts("e.planned_at", cockroach)
                    + " FROM events e");
            if (!wheres.isEmpty()) {
                sql.append(" WHERE ").append(String.join(" AND ", wheres));
            }
            sql.append(" ORDER BY e.committed_at ").append(query.ascending() ? "ASC" : "DESC");
            if (query.limit() != null && query.limit() != 0) {
                sql.append(" LIMIT ?");
                params.add(query.limit());
            }
            if (query.offset() != null && query.offset() != 0) {
                sql.append(" OFFSET ?");
                params.add(query.offset());
            }
            List<RegistryEvent> events = new ArrayList<>();
            try (PreparedStatement st = PgSql.prepare(connection, sql.toString(), params.toArray());
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new RegistryEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), join(rs.getArray(6), ","), join(rs.getArray(7), ","),
                            join(rs.getArray(8), " "), new Identity(rs.getString(9), rs.getString(10)),
                            PgSql.parseTs(rs.getString(11)), new Identity(rs.getString(12), rs.getString(13)),
                            PgSql.parseTs(rs.getString(14))));
                }
            }
            return events;
        } catch (SQLException e) {
            if (PgSql.isUndefinedTable(e)) {
                return List.of();
            }
            throw PgSql.wrap(e);
        }
    }

    private static String join(Array array, String separator) throws SQLException {
        return array == null ? "" : String.join(separator, (String[]) array.getArray());
    }
}
