package io.sqlitch.graph;

import io.sqlitch.registry.DeployedChange;
import java.util.Optional;
import java.util.Set;

/**
 * What a target's registry says about the plan's project, for colouring the graph and the report.
 *
 * @param destination the target as Sqitch names it ({@code db:sqlite:flipr_test.db})
 * @param current     the latest deployed change; empty when nothing is deployed
 * @param deployedIds the IDs of the project's deployed changes
 */
public record TargetState(String destination, Optional<DeployedChange> current, Set<String> deployedIds) {

    public TargetState {
        deployedIds = Set.copyOf(deployedIds);
    }

    /** A target whose registry holds nothing for the project (or does not exist yet). */
    public static TargetState empty(String destination) {
        return new TargetState(destination, Optional.empty(), Set.of());
    }
}
