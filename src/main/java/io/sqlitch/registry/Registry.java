package io.sqlitch.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.sqlitch.SqitchException;

/**
 * The rows of a Sqitch 1.3.1 SQLite registry: what deploy, fail and revert write, and the lookups the commands
 * make (Sqitch's {@code Role::DBIEngine}). Every statement is qualified with the schema given to the
 * constructor, so the registry may be its own connection ({@code main}) or attached to the target's.
 *
 * <p>Writes join the caller's transaction when there is one (autocommit off); otherwise each write method
 * runs in its own. Every {@code committed_at} written is strictly later than the latest one in {@code changes},
 * {@code events} and {@code tags}: we log far faster than Sqitch and must neither tie in ordering nor collide on
 * the {@code events} key. The rows of one logical write (a change, its tags and its deploy event) share one
 * time, as Sqitch's do.
 */
public final class Registry implements RegistryStore {

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * What the ambiguity report needs from the caller (Sqitch's {@code _handle_lookup_index}).
     *
     * @param vent          receives the stderr lines
     * @param planNameForId the plan's tag-qualified name ({@code name@tag}, or {@code name@HEAD}) of a change id
     *                      the plan knows; empty otherwise (the registry's name is used instead)
     */
    public record LookupReporter(Consumer<String> vent, Function<String, Optional<String>> planNameForId) {
    }

    private final Connection connection;
    private final String q;
    private final Identity user;
    private final Clock clock;
    /** The latest committed_at known to this instance (see nextCommittedAt). */
    private Instant latestIssued;

    /**
     * @param connection a connection from {@link RegistryDatabase}
     * @param schema     {@code main} or the alias the registry is attached under
     * @param user       the current user: committer of every row written, creator of projects
     * @param clock      the clock for committed_at / created_at
     */
    public Registry(Connection connection, String schema, Identity user, Clock clock) {
        this.connection = connection;
        this.q = RegistryDatabase.quote(schema);
        this.user = user;
        this.clock = clock;
    }

    public Connection connection() {
        return connection;
    }

    // ------------------------------------------------------------------ projects

    /** Sqitch's {@code registered_projects}: every project name, sorted. */
    public List<String> registeredProjects() {
        return strings("SELECT project FROM " + q + ".projects ORDER BY project");
    }

    /**
     * Sqitch's {@code register_project}: inserts the project row unless it exists; fails with Sqitch's messages
     * when the URI differs from the registered one, or when another project already uses the URI.
     *
     * @param uri the plan's {@code %uri}, or null
     */
    public void registerProject(String project, String uri) {
        run(() -> {
            List<Optional<String>> registered = new ArrayList<>();
            try (PreparedStatement st = prepare("SELECT uri FROM " + q + ".projects WHERE project = ?", project);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    registered.add(Optional.ofNullable(rs.getString(1)));
                }
            }
            if (!registered.isEmpty()) {
                String regUri = registered.get(0).orElse(null);
                if (uri != null && regUri == null) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": already exists with NULL URI");
                }
                if (uri == null && regUri != null) {
                    throw new SqitchException("Cannot register \"" + project + "\" without URI: already exists with URI "
                            + regUri);
                }
                if (uri != null && !uri.equals(regUri)) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": already exists with URI " + regUri);
                }
                return;
            }
            if (uri != null) {
                List<String> using = strings("SELECT project FROM " + q + ".projects WHERE uri = ?", uri);
                if (!using.isEmpty()) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": project \"" + using.get(0) + "\" already using that URI");
                }
            }
            update("INSERT INTO " + q + ".projects (project, uri, creator_name, creator_email, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", project, uri, user.name(), user.email(), now());
        });
    }

    // ------------------------------------------------------------------ writes

    /**
     * Sqitch's {@code log_deploy_change}: the {@code changes} row, its {@code dependencies} (requires with their
     * resolved ids, then conflicts with NULL), its {@code tags}, then the {@code deploy} event.
     */
    public void recordDeploy(ChangeRecord change) {
        inTransaction(connection, () -> {
            String ts = nextCommittedAt();
            update("INSERT INTO " + q + ".changes (change_id, script_hash, change, project, note, committer_name,"
                            + " committer_email, planned_at, planner_name, planner_email, committed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    change.id(), change.scriptHash(), change.name(), change.project(), change.note(), user.name(),
                    user.email(), RegistryTime.planned(change.plannedAt()), change.planner().name(),
                    change.planner().email(), ts);
            String deps = "INSERT INTO " + q + ".dependencies (change_id, type, dependency, dependency_id)"
                    + " VALUES (?, ?, ?, ?)";
            for (Dependency d : change.requires()) {
                update(deps, change.id(), "require", d.asString(), d.resolvedId());
            }
            for (Dependency d : change.conflicts()) {
                update(deps, change.id(), "conflict", d.asString(), null);
            }
            for (TagRecord tag : change.tags()) {
                insertTag(change.id(), change.project(), tag, ts);
            }
            insertEvent("deploy", change.id(), change.name(), change.project(), change.note(), change.eventTags(),
                    change.eventRequires(), change.eventConflicts(), RegistryTime.planned(change.plannedAt()),
                    change.planner(), ts);
        });
    }

    /** Sqitch's {@code log_fail_change}: a {@code fail} event with the plan's tags/requires/conflicts. */
    public void recordFail(ChangeRecord change) {
        inTransaction(connection, () -> insertEvent("fail", change.id(), change.name(), change.project(),
                change.note(), change.eventTags(), change.eventRequires(), change.eventConflicts(),
                RegistryTime.planned(change.plannedAt()), change.planner(), nextCommittedAt()));
    }

    /**
     * Sqitch's {@code log_revert_change} for a deployed change: reads its tags (joined by {@code ,}) and its
     * require and conflict dependencies (each joined by {@code ,}, SQLite's order), deletes tags, dependencies
     * and the change, and writes the {@code revert} event from the registry's values.
     *
     * @throws SqitchException when the change is not deployed
     */
    public void recordRevert(String changeId) {
        inTransaction(connection, () -> {
            DeployedChange change = loadChange(changeId)
                    .orElseThrow(() -> new SqitchException("Change " + changeId + " is not deployed"));
            String tags = String.join(",", strings("SELECT tag FROM " + q + ".tags WHERE change_id = ?", changeId));
            update("DELETE FROM " + q + ".tags WHERE change_id = ?", changeId);
            String depSql = "SELECT dependency FROM " + q + ".dependencies WHERE change_id = ? AND type = ?";
            String requires = String.join(",", strings(depSql, changeId, "require"));
            String conflicts = String.join(",", strings(depSql, changeId, "conflict"));
            update("DELETE FROM " + q + ".dependencies WHERE change_id = ?", changeId);
            update("DELETE FROM " + q + ".changes where change_id = ?", changeId);
            // Sqitch falls back to the change object's tags/requires/conflicts when these are empty; its revert
            // change object is loaded from this same registry (without dependencies), so the fallbacks are empty too.
            insertEvent("revert", change.id(), change.name(), change.project(), change.note(), tags, requires,
                    conflicts, RegistryTime.planned(change.plannedAt()), change.planner(), nextCommittedAt());
        });
    }

    /**
     * Sqitch's {@code log_new_tags}: logs the tags of the current change that the registry lacks (by tag id),
     * silently; used when deploy starts from a change whose plan has gained tags since.
     */
    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        if (tags.isEmpty()) {
            return;
        }
        inTransaction(connection, () -> {
            String ts = null;
            for (TagRecord tag : tags) {
                if (!exists("SELECT EXISTS(SELECT 1 FROM " + q + ".tags WHERE tag_id = ?)", tag.id())) {
                    if (ts == null) {
                        ts = nextCommittedAt();
                    }
                    insertTag(changeId, project, tag, ts);
                }
            }
        });
    }

    /**
     * The legacy script-hash update (Sqitch's {@code _update_script_hashes}, for registries from before 0.998
     * whose {@code script_hash} equals {@code change_id}): for each plan change (id → script hash, plan order)
     * replaces a hash equal to its id, then sets the project's remaining such hashes to NULL.
     */
    public void updateScriptHashes(String project, Map<String, String> scriptHashById) {
        inTransaction(connection, () -> {
            String sql = "UPDATE " + q + ".changes SET script_hash = ? WHERE change_id = ? AND script_hash = ?";
            for (Map.Entry<String, String> e : scriptHashById.entrySet()) {
                update(sql, e.getValue(), e.getKey(), e.getKey());
            }
            update("UPDATE " + q + ".changes SET script_hash = NULL WHERE project = ? AND script_hash = change_id",
                    project);
        });
    }

    private void insertTag(String changeId, String project, TagRecord tag, String ts) throws SQLException {
        update("INSERT INTO " + q + ".tags (tag_id, tag, project, change_id, note, committer_name, committer_email,"
                        + " planned_at, planner_name, planner_email, committed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tag.id(), tag.formatName(), project, changeId, tag.note() == null ? "" : tag.note(), user.name(),
                user.email(), RegistryTime.planned(tag.plannedAt()), tag.planner().name(), tag.planner().email(), ts);
    }

    private void insertEvent(String event, String changeId, String name, String project, String note, String tags,
                             String requires, String conflicts, String plannedAt, Identity planner, String ts)
            throws SQLException {
        update("INSERT INTO " + q + ".events (event, change_id, change, project, note, tags, requires, conflicts,"
                        + " committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event, changeId, name, project, note, tags, requires, conflicts, user.name(), user.email(),
                plannedAt, planner.name(), planner.email(), ts);
    }

    /**
     * The next {@code committed_at}: now (ms), or 1 ms after the latest time already in {@code changes},
     * {@code events} or {@code tags}, or issued by this instance, when that is not earlier.
     */
    String nextCommittedAt() throws SQLException {
        Instant floor = latestInRegistry();
        if (latestIssued != null && (floor == null || latestIssued.isAfter(floor))) {
            floor = latestIssued;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (floor != null && !now.isAfter(floor)) {
            now = floor.plusMillis(1);
        }
        latestIssued = now;
        return RegistryTime.committed(now);
    }

    /**
     * The newest row of each table by rowid (rows are appended in time order; reverted rows are covered by their
     * revert event): three index lookups instead of scans, since {@code committed_at} has no index and a scan per
     * change would make a large deploy quadratic.
     */
    private Instant latestInRegistry() throws SQLException {
        String last = " ORDER BY rowid DESC LIMIT 1)";
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(ts) FROM ("
                     + "SELECT (SELECT committed_at FROM " + q + ".changes" + last + " AS ts"
                     + " UNION ALL SELECT (SELECT committed_at FROM " + q + ".events" + last
                     + " UNION ALL SELECT (SELECT committed_at FROM " + q + ".tags" + last + ")")) {
            String latest = rs.next() ? rs.getString(1) : null;
            return latest == null ? null : RegistryTime.parse(latest);
        }
    }

    private String now() {
        return RegistryTime.committed(clock.instant());
    }

    // ------------------------------------------------------------------ state

    private String changeColumns(String hash) {
        return "c.change_id, " + hash + "c.change, c.project, c.note, c.committer_name, c.committer_email,"
                + " c.committed_at, c.planner_name, c.planner_email, c.planned_at,"
                + " group_concat(t.tag, ' ') AS tags";
    }

    private String changeGroupBy(String hash) {
        return " GROUP BY c.change_id, " + hash + "c.change, c.project, c.note, c.committer_name, c.committer_email,"
                + " c.committed_at, c.planner_name, c.planner_email, c.planned_at";
    }

    /**
     * Sqitch's {@code current_state}: the project's latest deployed change with its tags, or empty when nothing
     * is deployed or the registry has no tables. On a registry without {@code script_hash} (before 1.0) the
     * hash is null.
     */
    public Optional<DeployedChange> currentState(String project) {
        try {
            return selectState(project, "c.script_hash, ");
        } catch (SQLException e) {
            if (isNoSuchTable(e)) {
                return Optional.empty();
            }
            if (e.getMessage() != null && e.getMessage().contains("no such column")) {
                try {
                    return selectState(project, "");
                } catch (SQLException again) {
                    throw wrap(again);
                }
            }
            throw wrap(e);
        }
    }

    private Optional<DeployedChange> selectState(String project, String hash) throws SQLException {
        // Sqitch's query, with the rows narrowed to the newest committed_at first: grouping every deployed change
        // with its tags only to keep one took most of status on a large registry. Ties (if any) still go through
        // the same GROUP BY and ORDER BY, in the same order.
        String sql = "SELECT " + changeColumns(hash) + " FROM " + q + ".changes c LEFT JOIN " + q
                + ".tags t ON c.change_id = t.change_id WHERE c.project = ? AND c.committed_at = (SELECT"
                + " max(committed_at) FROM " + q + ".changes WHERE project = ?)" + changeGroupBy(hash)
                + " ORDER BY c.committed_at DESC LIMIT 1";
        List<DeployedChange> rows = changes(sql, !hash.isEmpty(), project, project);
        return rows.stream().findFirst();
    }

    /** Sqitch's {@code deployed_changes}: the project's deployed changes, oldest first, with tags. */
    public List<DeployedChange> deployedChanges(String project) {
        return query(() -> changes("SELECT " + changeColumns("c.script_hash, ") + " FROM " + q
                + ".changes c LEFT JOIN " + q + ".tags t ON c.change_id = t.change_id WHERE c.project = ?"
                + changeGroupBy("c.script_hash, ") + " ORDER BY c.committed_at ASC", true, project));
    }

    /** Sqitch's {@code current_changes}: the project's deployed changes, newest first (status --show-changes). */
    public List<DeployedChange> currentChanges(String project) {
        return query(() -> changes("SELECT " + changeColumns("c.script_hash, ") + " FROM " + q
                + ".changes c LEFT JOIN " + q + ".tags t ON c.change_id = t.change_id WHERE c.project = ?"
                + changeGroupBy("c.script_hash, ") + " ORDER BY c.committed_at DESC", true, project));
    }

    /** Sqitch's {@code deployed_changes_since}: the project's changes committed after {@code changeId}, oldest first. */
    public List<DeployedChange> deployedChangesSince(String project, String changeId) {
        return query(() -> changes("SELECT " + changeColumns("c.script_hash, ") + " FROM " + q
                + ".changes c LEFT JOIN " + q + ".tags t ON c.change_id = t.change_id WHERE c.project = ?"
                + " AND c.committed_at > (SELECT committed_at FROM " + q + ".changes WHERE change_id = ?)"
                + changeGroupBy("c.script_hash, ") + " ORDER BY c.committed_at ASC", true, project, changeId));
    }

    /** Sqitch's {@code load_change}: one deployed change by id. */
    public Optional<DeployedChange> loadChange(String changeId) {
        return query(() -> changes("SELECT " + changeColumns("c.script_hash, ") + " FROM " + q
                + ".changes c LEFT JOIN " + q + ".tags t ON c.change_id = t.change_id WHERE c.change_id = ?"
                + changeGroupBy("c.script_hash, "), true, changeId).stream().findFirst());
    }

    /**
     * Sqitch's {@code change_offset_from_id}: the change {@code offset} steps after (positive) or before
     * (negative) {@code changeId} in the project's committed order; the change itself for 0.
     */
    public Optional<DeployedChange> changeOffsetFromId(String project, String changeId, int offset) {
        if (offset == 0) {
            return loadChange(changeId);
        }
        return changeIdOffsetFromId(project, changeId, offset).flatMap(this::loadChange);
    }

    /** Sqitch's {@code current_tags}: the project's tags, newest first. */
    public List<DeployedTag> currentTags(String project) {
        return query(() -> {
            List<DeployedTag> tags = new ArrayList<>();
            try (PreparedStatement st = prepare("SELECT tag_id, tag, change_id, committer_name, committer_email,"
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

    /** Sqitch's {@code earliest_change_id}: the project's first change (skipping {@code offset}); empty if none. */
    public Optional<String> earliestChangeId(String project, int offset) {
        return cid("ASC", offset, project);
    }

    /** Sqitch's {@code latest_change_id}: the project's last change (skipping {@code offset}); empty if none. */
    public Optional<String> latestChangeId(String project, int offset) {
        return cid("DESC", offset, project);
    }

    private Optional<String> cid(String order, int offset, String project) {
        try {
            return strings("SELECT change_id FROM " + q + ".changes WHERE project = ? ORDER BY committed_at " + order
                    + " LIMIT 1 OFFSET COALESCE(?, 0)", project, offset).stream().findFirst();
        } catch (SqitchException e) {
            if (e.getCause() instanceof SQLException sql && isNoSuchTable(sql)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ lookups

    /** Sqitch's {@code is_deployed_change}. */
    public boolean isDeployedChange(String changeId) {
        return query(() -> exists("SELECT EXISTS(SELECT 1 FROM " + q + ".changes WHERE change_id = ?)", changeId));
    }

    /** Sqitch's {@code is_deployed_tag} (by tag id). */
    public boolean isDeployedTag(String tagId) {
        return query(() -> exists("SELECT EXISTS(SELECT 1 FROM " + q + ".tags WHERE tag_id = ?)", tagId));
    }

    /** Sqitch's {@code are_deployed_changes}: which of these ids are deployed (in SQLite's order). */
    public List<String> areDeployedChanges(Collection<String> changeIds) {
        if (changeIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(changeIds.size(), "?"));
        return strings("SELECT change_id FROM " + q + ".changes WHERE change_id IN (" + marks + ")",
                changeIds.toArray());
    }

    /** Sqitch's {@code changes_requiring_change}: deployed changes whose requires resolved to {@code changeId}. */
    public List<RequiringChange> changesRequiringChange(String changeId) {
        return query(() -> {
            List<RequiringChange> rows = new ArrayList<>();
            try (PreparedStatement st = prepare("SELECT c.change_id, c.project, c.change, ("
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

    /**
     * Sqitch's {@code name_for_change_id}: {@code name@tag} with the first tag at or after the change (no
     * ORDER BY, as Sqitch), or {@code name@HEAD}; empty when the change is not deployed.
     */
    public Optional<String> nameForChangeId(String changeId) {
        return strings("SELECT c.change || COALESCE((SELECT tag FROM " + q + ".changes c2 JOIN " + q
                + ".tags t2 ON c2.change_id = t2.change_id WHERE c2.committed_at >= c.committed_at"
                + " AND c2.project = c.project LIMIT 1), '@HEAD') FROM " + q + ".changes c WHERE change_id = ?",
                changeId).stream().findFirst();
    }

    /**
     * Sqitch's {@code change_id_for_key} against the registry (used by revert/verify --to, rebase --onto):
     * {@link ChangeKey#parse}, then {@link #changeIdFor}, then the offset.
     *
     * @param project  the plan's project
     * @param reporter for the ambiguity report; a name with several deployed instances fails with
     *                 {@code Change Lookup Failed}
     */
    public Optional<String> changeIdForKey(String key, String project, LookupReporter reporter) {
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
                                        LookupReporter reporter) {
        if (notEmpty(changeId)) {
            return strings("SELECT change_id FROM " + q + ".changes WHERE change_id = ?", changeId)
                    .stream().findFirst();
        }
        if (notEmpty(change)) {
            if (notEmpty(tag)) {
                // There is nothing before the first tag.
                if (tag.equals("ROOT")) {
                    return Optional.empty();
                }
                if (tag.equals("HEAD")) {
                    return strings("SELECT change_id FROM " + q + ".changes WHERE project = ? AND change = ?"
                            + " ORDER BY committed_at DESC LIMIT 1", project, change).stream().findFirst();
                }
                return strings("SELECT c.change_id FROM " + q + ".changes c JOIN " + q + ".tags t"
                        + " ON c.committed_at <= t.committed_at AND c.project = t.project"
                        + " WHERE c.project = ? AND c.change = ? AND t.tag = ?"
                        + " ORDER BY c.committed_at DESC LIMIT 1", project, change, "@" + tag).stream().findFirst();
            }
            List<String> ids = strings("SELECT change_id FROM " + q + ".changes WHERE project = ? AND change = ?"
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
            return strings("SELECT change_id FROM " + q + ".tags WHERE project = ? AND tag = ?", project, "@" + tag)
                    .stream().findFirst();
        }
        return Optional.empty();
    }

    private void reportAmbiguity(String change, List<String> ids, LookupReporter reporter) {
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
        return strings("SELECT change_id FROM " + q + ".changes WHERE project = ? AND committed_at " + op
                + " (SELECT committed_at FROM " + q + ".changes WHERE change_id = ?) ORDER BY committed_at " + dir
                + " LIMIT 1 OFFSET " + (Math.abs(offset) - 1), project, changeId).stream().findFirst();
    }

    // ------------------------------------------------------------------ events

    /** Sqitch's {@code search_events}, for {@code log}. */
    public List<RegistryEvent> searchEvents(EventQuery query) {
        List<String> wheres = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        query.patternsByColumn().forEach((column, pattern) -> {
            wheres.add(column + " REGEXP ?");
            params.add(pattern);
        });
        if (!query.events().isEmpty()) {
            wheres.add("e.event IN (" + String.join(", ", java.util.Collections.nCopies(query.events().size(), "?"))
                    + ")");
            params.addAll(query.events());
        }
        StringBuilder sql = new StringBuilder("SELECT e.event, e.project, e.change_id, e.change, e.note, e.requires,"
                + " e.conflicts, e.tags, e.committer_name, e.committer_email, e.committed_at, e.planner_name,"
                + " e.planner_email, e.planned_at FROM " + q + ".events e");
        if (!wheres.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", wheres));
        }
        sql.append(" ORDER BY e.committed_at ").append(query.ascending() ? "ASC" : "DESC");
        boolean limited = query.limit() != null && query.limit() != 0;
        if (limited) {
            sql.append(" LIMIT ?");
            params.add(query.limit());
        }
        if (query.offset() != null && query.offset() != 0) {
            if (!limited) {
                sql.append(" LIMIT ?");
                params.add(-1);
            }
            sql.append(" OFFSET ?");
            params.add(query.offset());
        }
        return query(() -> {
            List<RegistryEvent> events = new ArrayList<>();
            try (PreparedStatement st = prepare(sql.toString(), params.toArray());
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

    // ------------------------------------------------------------------ plumbing

    private List<DeployedChange> changes(String sql, boolean withHash, Object... params) throws SQLException {
        List<DeployedChange> rows = new ArrayList<>();
        try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
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

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params)) {
            st.executeUpdate();
        }
    }

    private boolean exists(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private List<String> strings(String sql, Object... params) {
        return query(() -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private interface SqlQuery<T> {
        T get() throws SQLException;
    }

    private static <T> T query(SqlQuery<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    private void run(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** Runs {@code work} in the caller's transaction if one is open, else in its own (BEGIN … COMMIT). */
    static void inTransaction(Connection connection, SqlWork work) {
        try {
            if (!connection.getAutoCommit()) {
                work.run();
                return;
            }
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    static boolean isNoSuchTable(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no such table");
    }

    /** An SQLite error as Sqitch shows DBI errors: SQLite's own message. */
    static SqitchException wrap(SQLException e) {
        String message = e.getMessage();
        // sqlite-jdbc prefixes "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: x)".
        int open = message == null ? -1 : message.indexOf('(');
        if (message != null && message.startsWith("[SQLITE_") && open > 0 && message.endsWith(")")) {
            message = message.substring(open + 1, message.length() - 1);
        }
        return new SqitchException(message, e);
    }
}
