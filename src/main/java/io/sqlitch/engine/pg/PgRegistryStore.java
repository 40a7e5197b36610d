package io.sqlitch.engine.pg;

import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.RequiringChange;
import io.sqlitch.registry.TagRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as the shared algorithms see it on PostgreSQL: a change's rows through {@link Rows} (the engine
 * decides the session and transaction: the open work's, the one holding the table lock since the script, or one
 * of their own, each with Sqitch's table lock), other writes through {@link PgRegistry}, reads through
 * {@link PgRegistryReads} and {@link PgLookups}.
 */
final class PgRegistryStore implements RegistryStore {

    private final PgRegistry registry;
    private final PgRegistryReads reads;
    private final PgLookups lookups;
    private final Rows rows;

    /** Where a change's rows go: the engine knows which transaction is open. */
    interface Rows {
        void deploy(ChangeRecord change);

        void fail(ChangeRecord change);

        void revert(String changeId);
    }

    PgRegistryStore(PgRegistry registry, Rows rows) {
        this.registry = registry;
        this.reads = new PgRegistryReads(registry.connection(), registry.cockroach());
        this.lookups = new PgLookups(registry.connection());
        this.rows = rows;
    }

    @Override
    public void registerProject(String project, String uri) {
        registry.registerProject(project, uri);
    }

    @Override
    public void recordDeploy(ChangeRecord change) {
        rows.deploy(change);
    }

    @Override
    public void recordFail(ChangeRecord change) {
        rows.fail(change);
    }

    @Override
    public void recordRevert(String changeId) {
        rows.revert(changeId);
    }

    @Override
    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        registry.logNewTags(changeId, project, tags);
    }

    @Override
    public void updateScriptHashes(String project, Map<String, String> scriptHashById) {
        registry.updateScriptHashes(project, scriptHashById);
    }

    @Override
    public Optional<DeployedChange> currentState(String project) {
        return reads.currentState(project);
    }

    @Override
    public List<DeployedChange> deployedChanges(String project) {
        return reads.deployedChanges(project);
    }

    @Override
    public List<DeployedChange> deployedChangesSince(String project, String changeId) {
        return lookups.changeIdsSince(project, changeId).stream().map(id -> reads.loadChange(id).orElseThrow())
                .toList();
    }

    @Override
    public Optional<DeployedChange> loadChange(String changeId) {
        return reads.loadChange(changeId);
    }

    @Override
    public Optional<String> latestChangeId(String project, int offset) {
        return lookups.latestChangeId(project, offset);
    }

    @Override
    public List<String> areDeployedChanges(Collection<String> changeIds) {
        return lookups.areDeployedChanges(changeIds);
    }

    @Override
    public List<RequiringChange> changesRequiringChange(String changeId) {
        return reads.changesRequiringChange(changeId);
    }

    @Override
    public Optional<String> changeIdForKey(String key, String project, Registry.LookupReporter reporter) {
        return lookups.changeIdForKey(key, project, reporter);
    }

    @Override
    public Optional<String> changeIdForDepend(String changeId, String change, String tag, String depProject) {
        return lookups.changeIdFor(changeId, change, tag, depProject, true, null);
    }
}
