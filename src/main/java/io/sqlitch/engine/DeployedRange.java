package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryStore;
import java.util.List;

/** Sqitch's {@code _trim_to} (verify and check {@code --from}/{@code --to}): narrows the deployed changes to a range. */
public final class DeployedRange {

    private DeployedRange() {
    }

    /**
     * The plan index of {@code key}, resolved against the registry, after dropping the deployed changes before it
     * ({@code pop} false: {@code --from}) or after it ({@code pop} true: {@code --to}) from {@code changes}.
     *
     * @throws SqitchException with Sqitch's messages when the key is not deployed or not planned
     */
    public static int trimTo(RegistryStore registry, Plan plan, String key, List<DeployedChange> changes, boolean pop,
                             Registry.LookupReporter reporter) {
        String id = registry.changeIdForKey(key, plan.project(), reporter).orElseThrow(() -> new SqitchException(
                plan.contains(key) ? "Change \"" + key + "\" has not been deployed"
                        : "Cannot find \"" + key + "\" in the database or the plan"));
        int idx = plan.indexOf(id).orElseThrow(() -> new SqitchException(
                "Change \"" + key + "\" is deployed, but not planned"));
        if (pop) {
            while (!changes.isEmpty() && !changes.get(changes.size() - 1).id().equals(id)) {
                changes.remove(changes.size() - 1);
            }
        } else {
            while (!changes.isEmpty() && !changes.get(0).id().equals(id)) {
                changes.remove(0);
            }
        }
        return idx;
    }
}
