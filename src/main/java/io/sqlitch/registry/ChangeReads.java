package io.sqlitch.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The SQLite registry's reads of deployed changes and tags, with Sqitch's queries: {@code current_state},
 * {@code deployed_changes}, {@code load_change}, {@code current_tags}, {@code are_deployed_changes},
 * {@code changes_requiring_change}, ...
 */
final class ChangeReads {

    private static final String WITH_HASH = "c.script_hash, ";

    private final RegistrySql sql;
    private final String q;

    ChangeReads(RegistrySql sql) {
        this.sql = sql;
        this.q = sql.q;
    }

    private static String changeColumns(String hash) {
        return "c.change_id, " + hash + "c.change, c.project, c.note, c.committer_name, c.committer_email,"
                + " c.committed_at, c.planner_name, c.planner_email, c.planned_at,"
                + " group_concat(t.tag, ' ') AS tags";
    }

    private static String changeGroupBy(String hash) {
        return " GROUP BY c.change_id, " + hash + "c.change, c.project, c.note, c.committer_name, c.committer_email,"
                + " c.committed_at, c.planner_name, c.planner_email, c.planned_at";
    }

    /** The deployed changes with their tags, filtered by {@code where}, then {@code order} (may be empty). */
    private List<DeployedChange> select(String where, String order, Object... params) {
        return RegistrySql.query(() -> changes("SELECT " + changeColumns(WITH_HASH) + " FROM " + q
                + ".changes c LEFT JOIN " + q + ".tags t ON c.change_id = t.change_id WHERE " + where
                + changeGroupBy(WITH_HASH) + order, true, params));
    }

    List<String> registeredProjects() {
        return sql.strings("SELECT project FROM " + q + ".projects ORDER BY project");
    }

    Optional<DeployedChange> currentState(String project) {
        try {
            return selectState(project, WITH_HASH);
        } catch (SQLException e) {
            if (RegistrySql.isNoSuchTable(e)) {
                return Optional.empty();
            }
            if (e.getMessage() != null && e.getMessage().contains("no such column")) {
                try {
                    return selectState(project, "");
                } catch (SQLException again) {
                    throw RegistrySql.wrap(again);
                }
            }
            throw RegistrySql.wrap(e);
        }
    }

    private Optional<DeployedChange> selectState(String project, String hash) throws SQLException {
        // Sqitch's query, with the rows narrowed to the newest committed_at first: grouping every deployed change
        // with its tags only to keep one took most of status on a large registry. Ties (if any) still go through
        // the same GROUP BY and ORDER BY, in the same order.
        String query = "SELECT " + changeColumns(hash) + " FROM " + q + ".changes c LEFT JOIN " + q
                + ".tags t ON c.change_id = t.change_id WHERE c.project = ? AND c.committed_at = (SELECT"
                + " max(committed_at) FROM " + q + ".changes WHERE project = ?)" + changeGroupBy(hash)
                + " ORDER BY c.committed_at DESC LIMIT 1";
        return changes(query, !hash.isEmpty(), project, project).stream().findFirst();
    }

    List<DeployedChange> deployedChanges(String project) {
        return select("c.project = ?", " ORDER BY c.committed_at ASC", project);
    }

    List<DeployedChange> currentChanges(String project) {
        return select("c.project = ?", " ORDER BY c.committed_at DESC", project);
    }

    List<DeployedChange> deployedChangesSince(String project, String changeId) {
        return select("c.project = ? AND c.committed_at > (SELECT committed_at FROM " + q
                + ".changes WHERE change_id = ?)", " ORDER BY c.committed_at ASC", project, changeId);
    }

    Optional<DeployedChange> loadChange(String changeId) {
        return select("c.change_id = ?", "", changeId).stream().findFirst();
    }

    List<DeployedTag> currentTags(String project) {
        return RegistrySql.query(() -> {
            List<DeployedTag> tags = new ArrayList<>();
            try (PreparedStatement st = sql.prepare("SELECT tag_id, tag, change_id, committer_name, committer_email,"
                    + " committed_at, planner_name, planner_email, planned_at FROM " + q
                    + ".tags WHERE project = ? ORDER BY committed_at DESC", project);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tags.add(new DeployedTag(rs.getString(1), rs.getString(2), rs.getString(3),
                            new Identity(rs.getString(4), rs.getString(5)), RegistryTime.parseOrNull(rs.getString(6)),
                            new Identity(rs.getString(7), rs.getString(8)), RegistryTime.parseOrNull(rs.getString(9))));
                }
            }
            return tags;
        });
    }

    boolean isDeployedChange(String changeId) {
        return RegistrySql.query(() -> sql.exists("SELECT EXISTS(SELECT 1 FROM " + q
                + ".changes WHERE change_id = ?)", changeId));
    }

    boolean isDeployedTag(String tagId) {
        return RegistrySql.query(() -> sql.exists("SELECT EXISTS(SELECT 1 FROM " + q + ".tags WHERE tag_id = ?)",
                tagId));
    }

    List<String> areDeployedChanges(Collection<String> changeIds) {
        if (changeIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(changeIds.size(), "?"));
        return sql.strings("SELECT change_id FROM " + q + ".changes WHERE change_id IN (" + marks + ")",
                changeIds.toArray());
    }

    List<RequiringChange> changesRequiringChange(String changeId) {
        return RegistrySql.query(() -> {
            List<RequiringChange> rows = new ArrayList<>();
            try (PreparedStatement st = sql.prepare("SELECT c.change_id, c.project, c.change, ("
                    + " SELECT tag FROM " + q + ".changes c2 JOIN " + q + ".tags t2 ON c2.change_id = t2.change_id"
                    + " WHERE c2.project = c.project AND c2.committed_at >= c.committed_at"
                    + " ORDER BY c2.committed_at LIMIT 1) AS asof_tag"
                    + " FROM " + q + ".dependencies d JOIN " + q + ".changes c ON c.change_id = d.change_id"
                    + " WHERE d.dependency_id = ?", changeId);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RequiringChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        });
    }

    private List<DeployedChange> changes(String query, boolean withHash, Object... params) throws SQLException {
        List<DeployedChange> rows = new ArrayList<>();
        try (PreparedStatement st = sql.prepare(query, params); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int i = 1;
                String id = rs.getString(i++);
                String hash = withHash ? rs.getString(i++) : null;
                String name = rs.getString(i++);
                String project = rs.getString(i++);
                String note = rs.getString(i++);
                Identity committer = new Identity(rs.getString(i++), rs.getString(i++));
                Instant committedAt = RegistryTime.parseOrNull(rs.getString(i++));
                Identity planner = new Identity(rs.getString(i++), rs.getString(i++));
                Instant plannedAt = RegistryTime.parseOrNull(rs.getString(i++));
                String tags = rs.getString(i);
                List<String> tagList = tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" "));
                rows.add(new DeployedChange(id, hash, name, project, note, committer, committedAt, planner,
                        plannedAt, tagList));
            }
        }
        return rows;
    }
}
