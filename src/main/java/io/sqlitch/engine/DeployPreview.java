package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.target.ScriptFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a deploy or revert would run, computed from the plan, the scripts and a registry read read-only: a path
 * of its own beside {@link ChangeDeployer} and {@link Reverter}, so a preview can never write. It makes the
 * up-front checks the real commands make (missing scripts, conflicts, requires) with their messages; what only
 * running the scripts can tell, it cannot.
 */
public final class DeployPreview {

    /** One change and the script it would run, variables substituted. */
    public record Step(String change, String script, String sql) {
    }

    private final Plan plan;
    private final ScriptFiles files;
    private final Map<String, String> variables;
    private final RegistryStore store;
    private final Path directory;

    /** {@code store}: the registry opened read-only, or null when the database has none yet. */
    public DeployPreview(Path directory, Plan plan, ScriptFiles files, Map<String, String> variables,
                         RegistryStore store) {
        this.directory = directory;
        this.plan = plan;
        this.files = files;
        this.variables = Map.copyOf(variables);
        this.store = store;
    }

    /** The deploy's steps through {@code toChange} (null: the whole plan); empty when nothing is pending. */
    public List<Step> deploy(String toChange) {
        int position = -1;
        Optional<DeployedChange> current = store == null ? Optional.empty() : store.currentState(plan.project());
        if (current.isPresent()) {
            OptionalInt idx = plan.indexOf(current.get().id());
            if (idx.isEmpty()) {
                throw new SqitchException("Cannot find change " + current.get().id() + " ("
                        + current.get().nameWithTags() + ") in " + plan.file());
            }
            position = idx.getAsInt();
        }
        if (plan.count() == 0) {
            throw new SqitchException("Nothing to deploy (empty plan)");
        }
        int toIndex = plan.count() - 1;
        if (toChange != null) {
            OptionalInt idx = plan.indexOf(toChange);
            if (idx.isEmpty()) {
                throw new SqitchException("Unknown change: \"" + toChange + "\"");
            }
            toIndex = idx.getAsInt();
        }
        if (toIndex == position) {
            return List.of();
        }
        if (toIndex < position) {
            throw new SqitchException("Cannot deploy to an earlier change; use \"revert\" instead");
        }
        List<Change> batch = plan.changes().subList(position + 1, toIndex + 1);
        DeployScripts.requireAll(batch, files, directory);
        new DeployDependencies(plan, store).check(batch);
        List<Step> steps = new ArrayList<>();
        for (Change change : batch) {
            steps.add(step(change.formatNameWithTags(), files.deploy(change)));
        }
        return steps;
    }

    /** The revert's steps, newest first, down to (not including) {@code toChange} (null: everything). */
    public List<Step> revert(String toChange) {
        List<DeployedChange> changes;
        if (store == null) {
            changes = List.of();
        } else if (toChange != null) {
            Registry.LookupReporter reporter = new Registry.LookupReporter(m -> { },
                    id -> plan.find(id).map(Change::formatTagQualifiedName));
            Optional<DeployedChange> to = store.changeIdForKey(toChange, plan.project(), reporter)
                    .flatMap(store::loadChange);
            if (to.isEmpty()) {
                throw new SqitchException(plan.find(toChange).isPresent()
                        ? "Change not deployed: \"" + toChange + "\"" : "Unknown change: \"" + toChange + "\"");
            }
            changes = store.deployedChangesSince(plan.project(), to.get().id());
        } else {
            changes = store.deployedChanges(plan.project());
        }
        Map<String, List<String>> reworkTags = DeployedReworkTags.of(changes, plan);
        List<DeployedChange> newestFirst = new ArrayList<>(changes);
        Collections.reverse(newestFirst);
        List<Step> steps = new ArrayList<>();
        for (DeployedChange change : newestFirst) {
            steps.add(step(change.nameWithTags(), files.revert(change.name(), reworkTags.get(change.id()))));
        }
        return steps;
    }

    private Step step(String change, String script) {
        Path file = files.resolve(script);
        try {
            String text = Files.exists(file) ? SqlScript.decode(Files.readAllBytes(file)) : "";
            return new Step(change, script, SqlScript.substitute(text, variables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps as one SQL file a DBA can read: a comment naming each change and its script, then the script. */
    public static String sql(List<Step> steps) {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append("-- Change: ").append(s.change()).append('\n')
                    .append("-- Script: ").append(s.script()).append('\n')
                    .append(s.sql());
            if (!s.sql().isEmpty() && !s.sql().endsWith("\n")) {
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
