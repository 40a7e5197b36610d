package io.sqlitch.registry;

import io.sqlitch.SqitchException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What deploy, fail and revert write to the SQLite registry, and the project row (Sqitch's {@code register_project},
 * {@code log_deploy_change}, {@code log_fail_change}, {@code log_revert_change}, {@code log_new_tags}). Writes join
 * the caller's transaction when there is one (autocommit off); otherwise each runs in its own. The rows of one
 * logical write (a change, its tags and its deploy event) share one time, as Sqitch's do.
 */
final class RegistryWrites {

    private final RegistrySql sql;
    private final String q;
    private final Identity user;
    private final CommitTimes times;
    private final Function<String, Optional<DeployedChange>> loadChange;

    /** @param loadChange Sqitch's {@code load_change}, for the revert event's values */
    RegistryWrites(RegistrySql sql, Identity user, CommitTimes times,
                   Function<String, Optional<DeployedChange>> loadChange) {
        this.sql = sql;
        this.q = sql.q;
        this.user = user;
        this.times = times;
        this.loadChange = loadChange;
    }

    void registerProject(String project, String uri) {
        RegistrySql.run(() -> {
            List<Optional<String>> registered = new ArrayList<>();
            try (PreparedStatement st = sql.prepare("SELECT uri FROM " + q + ".projects WHERE project = ?", project);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    registered.add(Optional.ofNullable(rs.getString(1)));
                }
            }
            if (!registered.isEmpty()) {
                checkRegisteredUri(project, uri, registered.get(0).orElse(null));
                return;
            }
            if (uri != null) {
                List<String> using = sql.strings("SELECT project FROM " + q + ".projects WHERE uri = ?", uri);
                if (!using.isEmpty()) {
                    throw new SqitchException("Cannot register \"" + project + "\" with URI " + uri
                            + ": project \"" + using.get(0) + "\" already using that URI");
                }
            }
            sql.update("INSERT INTO " + q + ".projects (project, uri, creator_name, creator_email, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", project, uri, user.name(), user.email(), times.now());
        });
    }

    private static void checkRegisteredUri(String project, String uri, String regUri) {
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
    }

    void recordDeploy(ChangeRecord change) {
        RegistrySql.inTransaction(sql.connection, () -> {
            String ts = times.next();
            sql.update("INSERT INTO " + q + ".changes (change_id, script_hash, change, project, note, committer_name,"
                            + " committer_email, planned_at, planner_name, planner_email, committed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    change.id(), change.scriptHash(), change.name(), change.project(), change.note(), user.name(),
                    user.email(), RegistryTime.planned(change.plannedAt()), change.planner().name(),
                    change.planner().email(), ts);
            String deps = "INSERT INTO " + q + ".dependencies (change_id, type, dependency, dependency_id)"
                    + " VALUES (?, ?, ?, ?)";
            for (Dependency d : change.requires()) {
                sql.update(deps, change.id(), "require", d.asString(), d.resolvedId());
            }
            for (Dependency d : change.conflicts()) {
                sql.update(deps, change.id(), "conflict", d.asString(), null);
            }
            for (TagRecord tag : change.tags()) {
                insertTag(change.id(), change.project(), tag, ts);
            }
            insertEvent("deploy", change.id(), change.name(), change.project(), change.note(), change.eventTags(),
                    change.eventRequires(), change.eventConflicts(), RegistryTime.planned(change.plannedAt()),
                    change.planner(), ts);
        });
    }

    void recordFail(ChangeRecord change) {
        RegistrySql.inTransaction(sql.connection, () -> insertEvent("fail", change.id(), change.name(),
                change.project(), change.note(), change.eventTags(), change.eventRequires(), change.eventConflicts(),
                RegistryTime.planned(change.plannedAt()), change.planner(), times.next()));
    }

    void recordRevert(String changeId) {
        RegistrySql.inTransaction(sql.connection, () -> {
            DeployedChange change = loadChange.apply(changeId)
                    .orElseThrow(() -> new SqitchException("Change " + changeId + " is not deployed"));
            String tags = String.join(",", sql.strings("SELECT tag FROM " + q + ".tags WHERE change_id = ?",
                    changeId));
            sql.update("DELETE FROM " + q + ".tags WHERE change_id = ?", changeId);
            String depSql = "SELECT dependency FROM " + q + ".dependencies WHERE change_id = ? AND type = ?";
            String requires = String.join(",", sql.strings(depSql, changeId, "require"));
            String conflicts = String.join(",", sql.strings(depSql, changeId, "conflict"));
            sql.update("DELETE FROM " + q + ".dependencies WHERE change_id = ?", changeId);
            sql.update("DELETE FROM " + q + ".changes where change_id = ?", changeId);
            // Sqitch falls back to the change object's tags/requires/conflicts when these are empty; its revert
            // change object is loaded from this same registry (without dependencies), so the fallbacks are empty too.
            insertEvent("revert", change.id(), change.name(), change.project(), change.note(), tags, requires,
                    conflicts, RegistryTime.planned(change.plannedAt()), change.planner(), times.next());
        });
    }

    void logNewTags(String changeId, String project, List<TagRecord> tags) {
        if (tags.isEmpty()) {
            return;
        }
        RegistrySql.inTransaction(sql.connection, () -> {
            String ts = null;
            for (TagRecord tag : tags) {
                if (!sql.exists("SELECT EXISTS(SELECT 1 FROM " + q + ".tags WHERE tag_id = ?)", tag.id())) {
                    if (ts == null) {
                        ts = times.next();
                    }
                    insertTag(changeId, project, tag, ts);
                }
            }
        });
    }

    void updateScriptHashes(String project, Map<String, String> scriptHashById) {
        RegistrySql.inTransaction(sql.connection, () -> {
            String update = "UPDATE " + q + ".changes SET script_hash = ? WHERE change_id = ? AND script_hash = ?";
            for (Map.Entry<String, String> e : scriptHashById.entrySet()) {
                sql.update(update, e.getValue(), e.getKey(), e.getKey());
            }
            sql.update("UPDATE " + q + ".changes SET script_hash = NULL WHERE project = ? AND script_hash = change_id",
                    project);
        });
    }

    private void insertTag(String changeId, String project, TagRecord tag, String ts) throws SQLException {
        sql.update("INSERT INTO " + q + ".tags (tag_id, tag, project, change_id, note, committer_name, committer_email,"
                        + " planned_at, planner_name, planner_email, committed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tag.id(), tag.formatName(), project, changeId, tag.note() == null ? "" : tag.note(), user.name(),
                user.email(), RegistryTime.planned(tag.plannedAt()), tag.planner().name(), tag.planner().email(), ts);
    }

    private void insertEvent(String event, String changeId, String name, String project, String note, String tags,
                             String requires, String conflicts, String plannedAt, Identity planner, String ts)
            throws SQLException {
        sql.update("INSERT INTO " + q + ".events (event, change_id, change, project, note, tags, requires, conflicts,"
                        + " committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event, changeId, name, project, note, tags, requires, conflicts, user.name(), user.email(),
                plannedAt, planner.name(), planner.email(), ts);
    }
}
