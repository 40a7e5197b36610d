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
import java.util.function.BooleanSupplier;

/**
 * The registry as the shared algorithms see it on PostgreSQL: writes through {@link PgRegistry} (inside the
 * change's work when one is open, else in a transaction of their own, both with Sqitch's table lock), reads
 * through {@link PgRegistryReads} and {@link PgLookups}.
 */
final class PgRegistryStore implements RegistryStore {

    private final PgRegistry registry;
    private final PgRegistryReads reads;
    private final PgLookups lookups;
    private final BooleanSupplier inWork;

    PgRegistryStore(PgRegistry registry, BooleanSupplier inWork) {
        this.registry = registry;
        this.reads = new PgRegistryReads(registry.connection());
        this.lookups = new PgLookups(registry.connection());
        this.inWork = inWork;
    }

    @Override
    public void registerProject(String project, String uri) {
        registry.registerProject(project, uri);
    }

    @Override
    public void recordDeploy(ChangeRecord change) {
        if (inWork.getAsBoolean()) {
            registry.logDeploy(change);
        } else {
            registry.recordDeploy(change);
        }
    }

    @Override
    public void recordFail(ChangeRecord change) {
        if (inWork.getAsBoolean()) {
            registry.logFail(change);
        } else {
            registry.recordFail(change);
        }
    }

    @Override
    public void recordRevert(String changeId) {
        if (inWork.getAsBoolean()) {
            registry.logRevert(changeId);
        } else {
            registry.recordRevert(changeId);
        }
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
