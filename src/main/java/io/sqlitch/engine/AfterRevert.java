package io.sqlitch.engine;

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
import java.util.Set;

/**
 * A registry read read-only as it would be after a revert of {@code reverted}: what the deploy half of a rebase or
 * checkout preview checks against, without the revert having run. Every write is refused.
 */
final class AfterRevert implements RegistryStore {

    private final RegistryStore store;
    private final Set<String> reverted;

    AfterRevert(RegistryStore store, Set<String> reverted) {
        this.store = store;
        this.reverted = Set.copyOf(reverted);
    }

    private boolean kept(String changeId) {
        return !reverted.contains(changeId);
    }

    private List<DeployedChange> kept(List<DeployedChange> changes) {
        return changes.stream().filter(c -> kept(c.id())).toList();
    }

    @Override
    public Optional<DeployedChange> currentState(String project) {
        List<DeployedChange> deployed = deployedChanges(project);
        return deployed.isEmpty() ? Optional.empty() : Optional.of(deployed.get(deployed.size() - 1));
    }

    @Override
    public List<DeployedChange> deployedChanges(String project) {
        return kept(store.deployedChanges(project));
    }

    @Override
    public List<DeployedChange> deployedChangesSince(String project, String changeId) {
        return kept(store.deployedChangesSince(project, changeId));
    }

    @Override
    public Optional<DeployedChange> loadChange(String changeId) {
        return store.loadChange(changeId).filter(c -> kept(c.id()));
    }

    @Override
    public Optional<String> latestChangeId(String project, int offset) {
        List<DeployedChange> deployed = deployedChanges(project);
        int i = deployed.size() - 1 - offset;
        return i < 0 || offset < 0 ? Optional.empty() : Optional.of(deployed.get(i).id());
    }

    @Override
    public List<String> areDeployedChanges(Collection<String> changeIds) {
        return store.areDeployedChanges(changeIds).stream().filter(this::kept).toList();
    }

    @Override
    public List<RequiringChange> changesRequiringChange(String changeId) {
        return store.changesRequiringChange(changeId).stream().filter(q -> kept(q.changeId())).toList();
    }

    @Override
    public Optional<String> changeIdForKey(String key, String project, Registry.LookupReporter reporter) {
        return store.changeIdForKey(key, project, reporter).filter(this::kept);
    }

    @Override
    public Optional<String> changeIdForDepend(String changeId, String change, String tag, String depProject) {
        return store.changeIdForDepend(changeId, change, tag, depProject).filter(this::kept);
    }

    @Override
    public void registerProject(String project, String uri) {
        throw readOnly();
    }

    @Override
    public void recordDeploy(ChangeRecord change) {
        throw readOnly();
    }

    @Override
    public void recordFail(ChangeRecord change) {
        throw readOnly();
    }

    @Override
    public void recordRevert(String changeId) {
        throw readOnly();
    }

    @Override
    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        throw readOnly();
    }

    @Override
    public void updateScriptHashes(String project, Map<String, String> scriptHashById) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a preview writes nothing");
    }
}
