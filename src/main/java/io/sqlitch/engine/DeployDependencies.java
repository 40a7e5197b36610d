package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Dependency;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.TagRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A deploy's dependency checks and the registry records of its changes, as Sqitch derives them. */
final class DeployDependencies {

    private final EngineRun r;
    private final Plan plan;
    // Null when there is no registry yet (a preview against a new database): nothing is deployed.
    private final Supplier<RegistryStore> store;

    DeployDependencies(EngineRun r) {
        this.r = r;
        this.plan = r.plan;
        this.store = r::registry;
    }

    /** For a preview: the same checks over a registry read read-only ({@code store} null: none yet). */
    DeployDependencies(Plan plan, RegistryStore store) {
        this.r = null;
        this.plan = plan;
        this.store = store == null ? null : () -> store;
    }

    /**
     * Sqitch's {@code check_deploy_dependencies}: conflicts deployed or earlier in the batch, requires neither,
     * then changes of the batch already deployed. Returns each require's resolved change id, by
     * {@code changeId + "\0" + as_string}.
     */
    Map<String, String> check(List<Change> batch) {
        Map<String, Change> seen = new HashMap<>();
        Map<String, String> resolved = new HashMap<>();
        Set<String> conflicts = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Change change : batch) {
            for (Dependency dep : change.conflicts()) {
                if (lookup(dep, seen).isPresent()) {
                    conflicts.add(dep.asString());
                }
            }
            for (Dependency dep : change.requires()) {
                Optional<String> id = lookup(dep, seen);
                if (id.isPresent()) {
                    resolved.put(change.id() + "\0" + dep.asString(), id.get());
                } else {
                    missing.add(dep.asString());
                }
            }
            seen.put(change.id(), change);
        }
        if (!conflicts.isEmpty() || !missing.isEmpty()) {
            List<String> msg = new ArrayList<>();
            if (!conflicts.isEmpty()) {
                msg.add((conflicts.size() == 1 ? "Conflicts with previously deployed change: "
                        : "Conflicts with previously deployed changes: ") + String.join(" ", conflicts));
            }
            if (!missing.isEmpty()) {
                msg.add((missing.size() == 1 ? "Missing required change: " : "Missing required changes: ")
                        + String.join(" ", missing));
            }
            throw new SqitchException(String.join("\n", msg));
        }
        List<String> already = store == null ? List.of() : store.get().areDeployedChanges(batch.stream().map(Change::id).toList());
        if (!already.isEmpty()) {
            String list = already.stream().map(id -> seen.get(id).formatNameWithTags() + " (" + id + ")")
                    .collect(Collectors.joining(", "));
            throw new SqitchException(already.size() == 1 ? "Change \"" + list + "\" has already been deployed"
                    : "Changes have already been deployed: " + list);
        }
        return resolved;
    }

    /** A dependency's change: earlier in this batch (by plan id), else in the registry (earliest instance). */
    private Optional<String> lookup(Dependency dep, Map<String, Change> seen) {
        Optional<String> planId = plan.dependencyId(dep);
        if (planId.isPresent() && seen.containsKey(planId.get())) {
            return planId;
        }
        if (store == null) {
            return Optional.empty();
        }
        String id = planId.orElse(dep.id());
        return store.get().changeIdForDepend(id, dep.change(), dep.tag(), plan.dependencyProject(dep));
    }

    ChangeRecord record(Change change, String deployPath, Map<String, String> resolved) {
        List<io.sqlitch.registry.Dependency> requires = new ArrayList<>();
        for (Dependency dep : change.requires()) {
            requires.add(io.sqlitch.registry.Dependency.requires(dep.asString(),
                    resolved.get(change.id() + "\0" + dep.asString())));
        }
        List<io.sqlitch.registry.Dependency> conflicts = new ArrayList<>();
        for (Dependency dep : change.conflicts()) {
            conflicts.add(io.sqlitch.registry.Dependency.conflicts(dep.asString()));
        }
        return new ChangeRecord(change.id(), SqlScript.sha1Hex(r.files.resolve(deployPath)), change.name(),
                r.plan.project(), change.note(), change.timestamp(),
                new Identity(change.planner().name(), change.planner().email()), requires, conflicts,
                tagRecords(change));
    }

    static List<TagRecord> tagRecords(Change change) {
        List<TagRecord> tags = new ArrayList<>();
        for (Tag tag : change.tags()) {
            tags.add(new TagRecord(tag.id(), tag.name(), tag.note(), tag.timestamp(),
                    new Identity(tag.planner().name(), tag.planner().email())));
        }
        return tags;
    }

}
