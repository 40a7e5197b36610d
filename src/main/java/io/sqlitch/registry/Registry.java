package io.sqlitch.registry;

import java.sql.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows of a Sqitch 1.3.1 SQLite registry: what deploy, fail and revert write, and the lookups the commands
 * make (Sqitch's {@code Role::DBIEngine}). Every statement is qualified with the schema given to the
 * constructor, so the registry may be its own connection ({@code main}) or attached to the target's.
 *
 * <p>The work is split by what it does: {@link RegistryWrites} (project row, deploy/fail/revert rows, with
 * {@link CommitTimes} keeping every {@code committed_at} strictly increasing), {@link ChangeReads} (deployed
 * changes and tags), {@link ChangeIdLookup} ({@code change_id_for} and offsets, shared with PostgreSQL) and
 * {@link EventSearch} ({@code log}). Writes join the caller's transaction when there is one (autocommit off);
 * otherwise each write method runs in its own.
 */
public final class Registry implements RegistryStore, ReportQueries {

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
    private final ChangeReads reads;
    private final RegistryWrites writes;
    private final ChangeIdLookup lookup;
    private final EventSearch events;

    /**
     * @param connection a connection from {@link RegistryDatabase}
     * @param schema     {@code main} or the alias the registry is attached under
     * @param user       the current user: committer of every row written, creator of projects
     * @param clock      the clock for committed_at / created_at
     */
    public Registry(Connection connection, String schema, Identity user, Clock clock) {
        this.connection = connection;
        RegistrySql sql = new RegistrySql(connection, schema);
        this.reads = new ChangeReads(sql);
        this.writes = new RegistryWrites(sql, user, new CommitTimes(sql, clock), reads::loadChange);
        this.lookup = new ChangeIdLookup(sql);
        this.events = new EventSearch(sql);
    }

    public Connection connection() {
        return connection;
    }

    // ------------------------------------------------------------------ projects and writes

    /** Sqitch's {@code registered_projects}: every project name, sorted. */
    @Override
    public List<String> registeredProjects() {
        return reads.registeredProjects();
    }

    /**
     * Sqitch's {@code register_project}: inserts the project row unless it exists; fails with Sqitch's messages
     * when the URI differs from the registered one, or when another project already uses the URI.
     *
     * @param uri the plan's {@code %uri}, or null
     */
    @Override
    public void registerProject(String project, String uri) {
        writes.registerProject(project, uri);
    }

    /**
     * Sqitch's {@code log_deploy_change}: the {@code changes} row, its {@code dependencies} (requires with their
     * resolved ids, then conflicts with NULL), its {@code tags}, then the {@code deploy} event.
     */
    @Override
    public void recordDeploy(ChangeRecord change) {
        writes.recordDeploy(change);
    }

    /** Sqitch's {@code log_fail_change}: a {@code fail} event with the plan's tags/requires/conflicts. */
    @Override
    public void recordFail(ChangeRecord change) {
        writes.recordFail(change);
    }

    /**
     * Sqitch's {@code log_revert_change} for a deployed change: reads its tags (joined by {@code ,}) and its
     * require and conflict dependencies (each joined by {@code ,}, SQLite's order), deletes tags, dependencies
     * and the change, and writes the {@code revert} event from the registry's values.
     *
     * @throws io.sqlitch.SqitchException when the change is not deployed
     */
    @Override
    public void recordRevert(String changeId) {
        writes.recordRevert(changeId);
    }

    /**
     * Sqitch's {@code log_new_tags}: logs the tags of the current change that the registry lacks (by tag id),
     * silently; used when deploy starts from a change whose plan has gained tags since.
     */
    @Override
    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        writes.logNewTags(changeId, project, tags);
    }

    /**
     * The legacy script-hash update (Sqitch's {@code _update_script_hashes}, for registries from before 0.998
     * whose {@code script_hash} equals {@code change_id}): for each plan change (id → script hash, plan order)
     * replaces a hash equal to its id, then sets the project's remaining such hashes to NULL.
     */
    @Override
    public void updateScriptHashes(String project, Map<String, String> scriptHashById) {
        writes.updateScriptHashes(project, scriptHashById);
    }

    // ------------------------------------------------------------------ state

    /**
     * Sqitch's {@code current_state}: the project's latest deployed change with its tags, or empty when nothing
     * is deployed or the registry has no tables. On a registry without {@code script_hash} (before 1.0) the
     * hash is null.
     */
    @Override
    public Optional<DeployedChange> currentState(String project) {
        return reads.currentState(project);
    }

    /** Sqitch's {@code deployed_changes}: the project's deployed changes, oldest first, with tags. */
    @Override
    public List<DeployedChange> deployedChanges(String project) {
        return reads.deployedChanges(project);
    }

    /** Sqitch's {@code current_changes}: the project's deployed changes, newest first (status --show-changes). */
    @Override
    public List<DeployedChange> currentChanges(String project) {
        return reads.currentChanges(project);
    }

    /** Sqitch's {@code deployed_changes_since}: the project's changes committed after {@code changeId}, oldest first. */
    @Override
    public List<DeployedChange> deployedChangesSince(String project, String changeId) {
        return reads.deployedChangesSince(project, changeId);
    }

    /** Sqitch's {@code load_change}: one deployed change by id. */
    @Override
    public Optional<DeployedChange> loadChange(String changeId) {
        return reads.loadChange(changeId);
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
    @Override
    public List<DeployedTag> currentTags(String project) {
        return reads.currentTags(project);
    }

    /** Sqitch's {@code earliest_change_id}: the project's first change (skipping {@code offset}); empty if none. */
    public Optional<String> earliestChangeId(String project, int offset) {
        return lookup.earliestChangeId(project, offset);
    }

    /** Sqitch's {@code latest_change_id}: the project's last change (skipping {@code offset}); empty if none. */
    @Override
    public Optional<String> latestChangeId(String project, int offset) {
        return lookup.latestChangeId(project, offset);
    }

    // ------------------------------------------------------------------ lookups

    /** Sqitch's {@code is_deployed_change}. */
    public boolean isDeployedChange(String changeId) {
        return reads.isDeployedChange(changeId);
    }

    /** Sqitch's {@code is_deployed_tag} (by tag id). */
    public boolean isDeployedTag(String tagId) {
        return reads.isDeployedTag(tagId);
    }

    /** Sqitch's {@code are_deployed_changes}: which of these ids are deployed (in SQLite's order). */
    @Override
    public List<String> areDeployedChanges(Collection<String> changeIds) {
        return reads.areDeployedChanges(changeIds);
    }

    /** Sqitch's {@code changes_requiring_change}: deployed changes whose requires resolved to {@code changeId}. */
    @Override
    public List<RequiringChange> changesRequiringChange(String changeId) {
        return reads.changesRequiringChange(changeId);
    }

    /** See {@link ChangeIdLookup#nameForChangeId}. */
    public Optional<String> nameForChangeId(String changeId) {
        return lookup.nameForChangeId(changeId);
    }

    /** See {@link ChangeIdLookup#changeIdForKey}. */
    @Override
    public Optional<String> changeIdForKey(String key, String project, LookupReporter reporter) {
        return lookup.changeIdForKey(key, project, reporter);
    }

    /** See {@link ChangeIdLookup#changeIdForDepend}. */
    @Override
    public Optional<String> changeIdForDepend(String changeId, String change, String tag, String depProject) {
        return lookup.changeIdForDepend(changeId, change, tag, depProject);
    }

    /** See {@link ChangeIdLookup#changeIdFor}. */
    public Optional<String> changeIdFor(String changeId, String change, String tag, String project, boolean first,
                                        LookupReporter reporter) {
        return lookup.changeIdFor(changeId, change, tag, project, first, reporter);
    }

    /** See {@link ChangeIdLookup#changeIdOffsetFromId}. */
    public Optional<String> changeIdOffsetFromId(String project, String changeId, int offset) {
        return lookup.changeIdOffsetFromId(project, changeId, offset);
    }

    // ------------------------------------------------------------------ events

    /** Sqitch's {@code search_events}, for {@code log}. */
    @Override
    public List<RegistryEvent> searchEvents(EventQuery query) {
        return events.search(query);
    }
}
