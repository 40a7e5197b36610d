package io.sqlitch.command;

import io.sqlitch.json.StatusData;
import io.sqlitch.plan.Change;
import io.sqlitch.registry.DeployedChange;
import java.util.List;
import java.util.Optional;

/**
 * What {@code status} found, for callers that want data rather than text (JSON output, build properties).
 *
 * @param destination the target as Sqitch names it ({@code On database ...})
 * @param project     the project reported on
 * @param current     the latest deployed change; empty when nothing is deployed
 * @param undeployed  the plan's changes after the current one; null when the plan cannot tell (status unknown)
 */
public record StatusReport(String destination, String project, Optional<DeployedChange> current,
                           List<Change> undeployed) implements StatusData {

    public StatusReport {
        undeployed = undeployed == null ? null : List.copyOf(undeployed);
    }

    /** The current change's last tag ({@code @name}), or the empty string. */
    public String currentTag() {
        return current.map(c -> c.tags().isEmpty() ? "" : c.tags().get(c.tags().size() - 1)).orElse("");
    }
}
