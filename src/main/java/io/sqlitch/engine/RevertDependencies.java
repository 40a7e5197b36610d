package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.RequiringChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sqitch's {@code check_revert_dependencies}: a revert may not take away a change that a change staying deployed
 * requires. Shared by {@link Reverter} and {@link DeployPreview}, so the preview refuses with the same message.
 */
final class RevertDependencies {

    private RevertDependencies() {
    }

    /** @throws SqitchException {@code Change "x" required by currently deployed change: y}, one line per change */
    static void check(RegistryStore store, String project, List<DeployedChange> newestFirst) {
        Set<String> seen = new HashSet<>();
        List<String> msg = new ArrayList<>();
        for (DeployedChange change : newestFirst) {
            seen.add(change.id());
            List<RequiringChange> requiring = store.changesRequiringChange(change.id()).stream()
                    .filter(q -> !seen.contains(q.changeId())).toList();
            if (requiring.isEmpty()) {
                continue;
            }
            String list = requiring.stream().map(q -> (q.project().equals(project) ? "" : q.project() + ":")
                    + q.change() + (q.asofTag() == null ? "" : q.asofTag())).collect(Collectors.joining(" "));
            msg.add("Change \"" + change.nameWithTags() + "\" required by currently deployed change"
                    + (requiring.size() == 1 ? ": " : "s: ") + list);
        }
        if (!msg.isEmpty()) {
            throw new SqitchException(String.join("\n", msg));
        }
    }
}
