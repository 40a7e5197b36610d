package io.sqlitch.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sqitch's {@code search_events} on the SQLite registry, for {@code log}: patterns through the REGEXP function. */
final class EventSearch {

    private final RegistrySql sql;

    EventSearch(RegistrySql sql) {
        this.sql = sql;
    }

    List<RegistryEvent> search(EventQuery query) {
        List<String> wheres = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        query.patternsByColumn().forEach((column, pattern) -> {
            wheres.add(column + " REGEXP ?");
            params.add(pattern);
        });
        if (!query.events().isEmpty()) {
            wheres.add("e.event IN (" + String.join(", ", Collections.nCopies(query.events().size(), "?")) + ")");
            params.addAll(query.events());
        }
        StringBuilder select = new StringBuilder("SELECT e.event, e.project, e.change_id, e.change, e.note,"
                + " e.requires, e.conflicts, e.tags, e.committer_name, e.committer_email, e.committed_at,"
                + " e.planner_name, e.planner_email, e.planned_at FROM " + sql.table("events") + " e");
        if (!wheres.isEmpty()) {
            select.append(" WHERE ").append(String.join(" AND ", wheres));
        }
        select.append(" ORDER BY e.committed_at ").append(query.ascending() ? "ASC" : "DESC");
        boolean limited = query.limit() != null && query.limit() != 0;
        if (limited) {
            select.append(" LIMIT ?");
            params.add(query.limit());
        }
        if (query.offset() != null && query.offset() != 0) {
            if (!limited) {
                // SQLite has no OFFSET without LIMIT: -1 is "no limit".
                select.append(" LIMIT ?");
                params.add(-1);
            }
            select.append(" OFFSET ?");
            params.add(query.offset());
        }
        return RegistrySql.query(() -> {
            List<RegistryEvent> events = new ArrayList<>();
            try (PreparedStatement st = sql.prepare(select.toString(), params.toArray());
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new RegistryEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            new Identity(rs.getString(9), rs.getString(10)), RegistryTime.parseOrNull(rs.getString(11)),
                            new Identity(rs.getString(12), rs.getString(13)),
                            RegistryTime.parseOrNull(rs.getString(14))));
                }
            }
            return events;
        });
    }
}
