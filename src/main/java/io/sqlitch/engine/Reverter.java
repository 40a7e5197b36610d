package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.target.ScriptFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Sqitch's {@code revert} (prompt, dependency check), {@code revert_change}, and the --modified ancestor. */
final class Reverter {

    private final EngineRun r;

    Reverter(EngineRun r) {
        this.r = r;
    }

    /**
     * Sqitch's {@code planned_deployed_common_ancestor_id} ({@code revert/rebase --modified}): walking the deployed
     * changes and the plan side by side, the ID of the last deployed change before the first one whose recorded
     * script_hash differs from its planned deploy script's (or that is past the plan's end); the newest deployed
     * change when none differs; null when the very first differs (revert everything).
     */
    public String plannedDeployedCommonAncestorId() {
        r.db.connect();
        if (!r.db.registryInitialized()) {
            // Sqitch queries the registry without checking it first: DBD::SQLite's error.
            throw new SqitchException("no such table: changes");
        }
        return commonAncestorId(r.registry().deployedChanges(r.plan.project()), r.plan, r.files);
    }

    /** The walk of {@link #plannedDeployedCommonAncestorId} over {@code deployed}, also for a preview. */
    static String commonAncestorId(List<DeployedChange> deployed, Plan plan, ScriptFiles files) {
        for (int i = 0; i < deployed.size(); i++) {
            String planned = i < plan.count() ? SqlScript.sha1Hex(files.resolve(files.deploy(plan.changeAt(i))))
                    : null;
            // Perl's "ne" compares a missing hash (undef) as the empty string.
            if (i >= plan.count() || !Objects.toString(deployed.get(i).scriptHash(), "")
                    .equals(Objects.toString(planned, ""))) {
                return i == 0 ? null : deployed.get(i - 1).id();
            }
        }
        if (deployed.isEmpty()) {
            // Sqitch 1.3.1 dies asking the ID of a change that is not there (nothing deployed); its message line alone.
            throw new SqitchException("Can't call method \"id\" on an undefined value\n");
        }
        return deployed.get(deployed.size() - 1).id();
    }

    void revert(String toChange) {
        r.db.connectUnlocked();
        r.db.checkRegistry();
        r.db.lock(); // Sqitch locks once it knows the registry is there
        List<DeployedChange> changes;
        if (toChange != null) {
            Optional<DeployedChange> to = r.registry().changeIdForKey(toChange, r.plan.project(), r.reporter())
                    .flatMap(r.registry()::loadChange);
            if (to.isEmpty()) {
                if (r.plan.find(toChange).isPresent()) {
                    throw new SqitchException("Change not deployed: \"" + toChange + "\"");
                }
                throw new SqitchException("Unknown change: \"" + toChange + "\"");
            }
            changes = r.registry().deployedChangesSince(r.plan.project(), to.get().id());
            if (changes.isEmpty()) {
                r.out.info("No changes deployed since: \"" + toChange + "\"");
                return;
            }
            String name = to.get().nameWithTags();
            if (r.options.noPrompt()) {
                r.out.info("Reverting changes to " + name + " from " + r.db.destination());
            } else if (!r.prompter.confirm("Revert changes to " + name + " from " + r.db.destination() + "?",
                    r.options.promptAccept())) {
                throw new RevertDeclined(true);
            }
        } else {
            changes = r.registry().deployedChanges(r.plan.project());
            if (changes.isEmpty()) {
                r.out.info("Nothing to revert (nothing deployed)");
                return;
            }
            if (r.options.noPrompt()) {
                r.out.info("Reverting all changes from " + r.db.destination());
            } else if (!r.prompter.confirm("Revert all changes from " + r.db.destination() + "?",
                    r.options.promptAccept())) {
                throw new RevertDeclined(false);
            }
        }
        Map<String, List<String>> reworkTags = DeployedReworkTags.of(changes, r.plan);
        List<DeployedChange> newestFirst = new ArrayList<>(changes);
        Collections.reverse(newestFirst);
        RevertDependencies.check(r.registry(), r.plan.project(), newestFirst);
        if (!r.options.logOnly()) { // a script this engine cannot run is refused before the first one runs
            for (DeployedChange change : newestFirst) {
                Optional<String> refused = r.db.refusal(r.files.revert(change.name(), reworkTags.get(change.id())));
                if (refused.isPresent()) {
                    throw new SqitchException(refused.get());
                }
            }
        }
        r.maxNameLength = newestFirst.stream().mapToInt(c -> ProgressLine.length(c.nameWithTags())).max().orElse(0);
        for (DeployedChange change : newestFirst) {
            revertChange(change.id(), change.nameWithTags(),
                    r.files.revert(change.name(), reworkTags.get(change.id())));
        }
    }

    /** Sqitch's {@code revert_change}. */
    void revertChange(String changeId, String name, String revertPath) {
        r.progress.start("  - ", name, r.maxNameLength);
        Optional<LoadedScript> script = r.options.logOnly() ? Optional.empty() : r.db.load(revertPath, false);
        boolean atomic = r.db.offersOneTransaction() && (r.options.logOnly()
                || script.isPresent() && script.get().transactionShape() != TransactionShape.OTHER);
        try {
            if (atomic) {
                r.db.prepareForScript();
                r.db.beginWork();
                boolean done = false;
                try {
                    script.ifPresent(r::runBodyInWork);
                    r.db.showRegistry();
                    r.registry().recordRevert(changeId);
                    r.db.finishWork();
                    done = true;
                } finally {
                    if (!done) {
                        r.db.rollbackWork();
                    }
                }
            } else {
                ScriptResult result = r.options.logOnly() ? new ScriptResult(true, java.util.List.of())
                        : r.db.runAlone(revertPath, false);
                if (!result.succeeded()) {
                    r.ventLines(result.errorLines());
                    throw r.clientFailed();
                }
                r.registry().recordRevert(changeId);
            }
        } catch (SqitchException e) {
            r.progress.finish("not ok");
            throw e;
        }
        r.progress.finish("ok");
    }

}
