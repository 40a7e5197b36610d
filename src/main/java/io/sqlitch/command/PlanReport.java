package io.sqlitch.command;

import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import java.util.List;

/**
 * What {@code plan} found: the plan and the changes shown (none when the plan has none).
 *
 * @param plan    the target's plan
 * @param changes the changes shown, in the order shown
 */
public record PlanReport(Plan plan, List<Change> changes) {

    public PlanReport {
        changes = List.copyOf(changes);
    }
}
