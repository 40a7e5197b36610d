package io.sqlitch.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry reads and writes the shared deploy/revert/verify algorithms make, in Sqitch's terms; one
 * implementation per database (SQLite: {@link Registry}). Every result is one of this package's records, so the
 * algorithms never see a database's SQL.
 */
public interface RegistryStore {

    void registerProject(String project, String uri);

    void recordDeploy(ChangeRecord change);

    void recordFail(ChangeRecord change);

    void recordRevert(String changeId);

    void logNewTags(String changeId, String project, List<TagRecord> tags);

    void updateScriptHashes(String project, Map<String, String> scriptHashById);

    Optional<DeployedChange> currentState(String project);

    List<DeployedChange> deployedChanges(String project);

    List<DeployedChange> deployedChangesSince(String project, String changeId);

    Optional<DeployedChange> loadChange(String changeId);

    Optional<String> latestChangeId(String project, int offset);

    List<String> areDeployedChanges(Collection<String> changeIds);

    List<RequiringChange> changesRequiringChange(String changeId);

    Optional<String> changeIdForKey(String key, String project, Registry.LookupReporter reporter);

    Optional<String> changeIdForDepend(String changeId, String change, String tag, String depProject);
}
