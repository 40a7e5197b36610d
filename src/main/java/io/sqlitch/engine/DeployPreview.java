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
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What a deploy or revert would run, computed from the plan, the scripts and a registry read read-only: a path
 * of its own beside {@link ChangeDeployer} and {@link Reverter}, so a preview can never write. It makes the
 * up-front checks the real commands make (missing scripts, conflicts, requires, changes still required) with their
 * messages; what only running the scripts can tell, it cannot. A rebase or checkout is a revert preview followed
 * by a deploy preview over the registry as the revert would leave it ({@link #afterRevert}).
 */
public final class DeployPreview {

    /** One change and the script it would run, variables substituted. */
    public record Step(String changeId, String change, String script, String sql) {
    }

    /** Where scripts are read: the working tree, or (checkout) another branch; empty when there is none. */
    @FunctionalInterface
    public interface Scripts {
        Optional<byte[]> read(String displayPath);

        /** The scripts in the working tree, by display path. */
        static Scripts workingTree(ScriptFiles files) {
            return display -> {
                Path file = files.resolve(display);
                try {
                    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    private final Plan plan;
    private final ScriptFiles files;
    private final Scripts scripts;
    private final UnaryOperator<String> render;
    private final RegistryStore store;

    /**
     * @param render turns a script's text into what would run (its variables substituted as the engine does)
     * @param store  the registry opened read-only, or null when the database has none yet
     */
    public DeployPreview(Plan plan, ScriptFiles files, Scripts scripts, UnaryOperator<String> render,
                         RegistryStore store) {
        files.requireInside(plan.changes());
        this.plan = plan;
        this.files = files;
        this.scripts = scripts;
        this.render = render;
        this.store = store;
    }

    /** SQLite's rendering: {@code ${name}} variables substituted as {@link SqlScript} does. */
    public static UnaryOperator<String> sqlite(Map<String, String> variables) {
        Map<String, String> vars = Map.copyOf(variables);
        return text -> SqlScript.substitute(text, vars);
    }

    /**
     * The preview of what follows a revert of {@code reverted} (a rebase's or checkout's deploy half): the same
     * registry with those changes gone, {@code plan}'s changes read from {@code scripts}, rendered by {@code render}.
     */
    public DeployPreview afterRevert(List<Step> reverted, Plan plan, Scripts scripts, UnaryOperator<String> render) {
        RegistryStore view = store == null ? null
                : new AfterRevert(store, reverted.stream().map(Step::changeId).collect(Collectors.toSet()));
        return new DeployPreview(plan, files, scripts, render, view);
    }

    /**
     * {@code --modified}'s change to revert to, as {@link Reverter#plannedDeployedCommonAncestorId} finds it
     * (null: everything), with its failures.
     */
    public String plannedDeployedCommonAncestorId() {
        if (store == null) {
            throw new SqitchException("no such table: changes"); // as the real command: DBD::SQLite's error
        }
        return Reverter.commonAncestorId(store.deployedChanges(plan.project()), plan, files);
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
        DeployScripts.requireAll(batch, files, display -> scripts.read(display).isPresent());
        new DeployDependencies(plan, store).check(batch);
        List<Step> steps = new ArrayList<>();
        for (Change change : batch) {
            steps.add(step(change.id(), change.formatNameWithTags(), files.deploy(change)));
        }
        return steps;
    }

    /**
     * The revert's steps, newest first, down to (not including) {@code toChange} (null: everything); refused as
     * the real revert refuses when a change staying deployed requires one it would revert.
     */
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
        if (store != null) {
            RevertDependencies.check(store, plan.project(), newestFirst);
        }
        List<Step> steps = new ArrayList<>();
        for (DeployedChange change : newestFirst) {
            steps.add(step(change.id(), change.nameWithTags(),
                    files.revert(change.name(), reworkTags.get(change.id()))));
        }
        return steps;
    }

    private Step step(String id, String change, String script) {
        String text = scripts.read(script).map(SqlScript::decode).orElse("");
        return new Step(id, change, script, render.apply(text));
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
