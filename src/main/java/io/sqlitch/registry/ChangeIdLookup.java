package io.sqlitch.registry;

import io.sqlitch.SqitchException;
import java.util.List;
import java.util.Optional;

/**
 * Sqitch's change lookups against a registry (DBIEngine.pm's {@code change_id_for}, {@code change_id_for_key},
 * {@code change_id_offset_from_id}, {@code name_for_change_id}, {@code latest_change_id}, {@code earliest_change_id}),
 * once for every database: SQLite and PostgreSQL run the same queries, told apart only by how a table is named
 * and how a database reports a missing table ({@link Sql}).
 */
public final class ChangeIdLookup {

    /** What the lookups need from one database. */
    public interface Sql {

        /** {@code name} as this database's statements name the registry table (schema-qualified, or bare). */
        String table(String name);

        /** The first column of every row; a database error as a {@link SqitchException} with its cause. */
        List<String> strings(String sql, Object... params);

        /** Whether {@code e} (from {@link #strings}) says the registry has no such table. */
        boolean isMissingTable(SqitchException e);
    }

    private final Sql sql;
    private final String changes;
    private final String tags;

    public ChangeIdLookup(Sql sql) {
        this.sql = sql;
        this.changes = sql.table("changes");
        this.tags = sql.table("tags");
    }

    private Optional<String> first(String query, Object... params) {
        return sql.strings(query, params).stream().findFirst();
    }

    /** Sqitch's {@code earliest_change_id}: the project's first change (skipping {@code offset}); empty if none. */
    public Optional<String> earliestChangeId(String project, int offset) {
        return changeIdAt("ASC", project, offset);
    }

    /** Sqitch's {@code latest_change_id}: the project's last change (skipping {@code offset}); empty if none. */
    public Optional<String> latestChangeId(String project, int offset) {
        return changeIdAt("DESC", project, offset);
    }

    private Optional<String> changeIdAt(String order, String project, int offset) {
        try {
            return first("SELECT change_id FROM " + changes + " WHERE project = ? ORDER BY committed_at " + order
                    + " LIMIT 1 OFFSET COALESCE(?, 0)", project, offset);
        } catch (SqitchException e) {
            if (sql.isMissingTable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Sqitch's {@code name_for_change_id}: {@code name@tag} with the first tag at or after the change (no
     * ORDER BY, as Sqitch), or {@code name@HEAD}; empty when the change is not deployed.
     */
    public Optional<String> nameForChangeId(String changeId) {
        return first("SELECT c.change || COALESCE((SELECT tag FROM " + changes + " c2 JOIN " + tags
                + " t2 ON c2.change_id = t2.change_id WHERE c2.committed_at >= c.committed_at"
                + " AND c2.project = c.project LIMIT 1), '@HEAD') FROM " + changes + " c WHERE change_id = ?",
                changeId);
    }

    /**
     * Sqitch's {@code change_id_for_key} (used by revert/verify --to, rebase --onto): {@link ChangeKey#parse},
     * then {@link #changeIdFor}, then the offset.
     *
     * @param project  the plan's project
     * @param reporter for the ambiguity report; a name with several deployed instances fails with
     *                 {@code Change Lookup Failed}
     */
    public Optional<String> changeIdForKey(String key, String project, Registry.LookupReporter reporter) {
        ChangeKey k = ChangeKey.parse(key);
        return changeIdFor(k.changeId(), k.change(), k.tag(), project, false, reporter)
                .flatMap(id -> changeIdOffsetFromId(project, id, k.offset()));
    }

    /**
     * Sqitch's {@code change_id_for_depend}: resolves a dependency against the registry, taking the earliest
     * instance of a name (no ambiguity error).
     *
     * @param changeId   the dependency's change id when it names one, else null
     * @param change     the dependency's change name or null
     * @param tag        its tag name (without {@code @}) or null
     * @param depProject the dependency's project
     */
    public Optional<String> changeIdForDepend(String changeId, String change, String tag, String depProject) {
        return changeIdFor(changeId, change, tag, depProject, true, null);
    }

    /**
     * Sqitch's {@code change_id_for}.
     *
     * @param first take the earliest instance of a repeated name instead of failing as ambiguous
     */
    public Optional<String> changeIdFor(String changeId, String change, String tag, String project, boolean first,
                                        Registry.LookupReporter reporter) {
        if (notEmpty(changeId)) {
            return first("SELECT change_id FROM " + changes + " WHERE change_id = ?", changeId);
        }
        if (notEmpty(change)) {
            if (notEmpty(tag)) {
                // There is nothing before the first tag.
                if (tag.equals("ROOT")) {
                    return Optional.empty();
                }
                if (tag.equals("HEAD")) {
                    return first("SELECT change_id FROM " + changes + " WHERE project = ? AND change = ?"
                            + " ORDER BY committed_at DESC LIMIT 1", project, change);
                }
                return first("SELECT c.change_id FROM " + changes + " c JOIN " + tags + " t"
                        + " ON c.committed_at <= t.committed_at AND c.project = t.project"
                        + " WHERE c.project = ? AND c.change = ? AND t.tag = ?"
                        + " ORDER BY c.committed_at DESC LIMIT 1", project, change, "@" + tag);
            }
            List<String> ids = sql.strings("SELECT change_id FROM " + changes + " WHERE project = ? AND change = ?"
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
            return first("SELECT change_id FROM " + tags + " WHERE project = ? AND tag = ?", project, "@" + tag);
        }
        return Optional.empty();
    }

    private void reportAmbiguity(String change, List<String> ids, Registry.LookupReporter reporter) {
        if (reporter != null) {
            reporter.vent().accept("Change \"" + change + "\" is ambiguous. Please specify a tag-qualified change:");
            for (int i = ids.size() - 1; i >= 0; i--) {
                String id = ids.get(i);
                String name = reporter.planNameForId().apply(id)
                        .orElseGet(() -> nameForChangeId(id).orElse(""));
                reporter.vent().accept("  * " + name);
            }
        }
        // Capital L: the registry's message differs from the plan's "Change lookup failed".
        throw new SqitchException("Change Lookup Failed");
    }

    /**
     * Sqitch's {@code change_id_offset_from_id}: the id {@code offset} changes after (positive) or before
     * (negative) the given one in the project's committed order; the id itself for 0.
     */
    public Optional<String> changeIdOffsetFromId(String project, String changeId, int offset) {
        if (offset == 0) {
            return Optional.of(changeId);
        }
        String dir = offset > 0 ? "ASC" : "DESC";
        String op = offset > 0 ? ">" : "<";
        return first("SELECT change_id FROM " + changes + " WHERE project = ? AND committed_at " + op
                + " (SELECT committed_at FROM " + changes + " WHERE change_id = ?) ORDER BY committed_at " + dir
                + " LIMIT 1 OFFSET " + (Math.abs(offset) - 1), project, changeId);
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
