package io.sqlitch.json;

import io.sqlitch.plan.Change;
import io.sqlitch.registry.DeployedChange;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Reports#status} renders. Declared here and implemented by {@code command.StatusReport}, so json
 * depends on plan and registry only and commands may use it, never the other way round.
 */
public interface StatusData {

    /** The target as Sqitch names it ({@code On database ...}). */
    String destination();

    String project();

    /** The latest deployed change; empty when nothing is deployed. */
    Optional<DeployedChange> current();

    /** The plan's changes after the current one; null when the plan cannot tell. */
    List<Change> undeployed();
}
