package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.DeployedChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sqitch's {@code deploy}: the plan synced with the registry, the registry created or upgraded, dependencies
 * checked, then each change deployed with the mode's recovery ({@code all}/{@code tag}: the run's changes reverted
 * on failure; {@code change}: none), or all of them in one transaction ({@link AtomicDeploy}).
 */
final class ChangeDeployer {

    private final EngineRun r;

    ChangeDeployer(EngineRun r) {
        this.r = r;
    }

    /** Deploys the plan up to {@code toChange} (null: to the end). */
    void deploy(String toChange, DeployMode mode, boolean atomic) {
        r.db.connect();
        int position = syncPlan();
        int toIndex = r.plan.count() - 1;
        if (toIndex < 0) {
            throw new SqitchException("Nothing to deploy (empty plan)");
        }
        if (toChange != null) {
            OptionalInt idx = r.plan.indexOf(toChange);
            if (idx.isEmpty()) {
                throw new SqitchException("Unknown change: \"" + toChange + "\"");
            }
            toIndex = idx.getAsInt();
            if (toIndex == position) {
                r.out.info("Nothing to deploy (already at \"" + toChange + "\")");
                return;
            }
        }
        if (position == toIndex) {
            r.out.info("Nothing to deploy (up-to-date)");
            return;
        }
        // Refused before the registry is touched.
        if (toIndex > position) {
            try {
                DeployScripts.requireAll(r.plan.changes().subList(position + 1, toIndex + 1), r.files,
                        r.run.directory());
                if (!r.options.logOnly()) {
                    DeployScripts.requireRunnable(r.plan.changes().subList(position + 1, toIndex + 1), r.files,
                            r.db, r.options.withVerify());
                }
            } catch (SqitchException e) {
                r.db.refusedUpFront();
                throw e;
            }
        }
        Map<String, AtomicDeploy.Scripts> atomicScripts;
        try {
            atomicScripts = atomic && toIndex > position
                    ? new AtomicDeploy(r).load(r.plan.changes().subList(position + 1, toIndex + 1)) : null;
        } catch (SqitchException e) {
            r.db.refusedUpFront();
            throw e;
        }
        if (position == -1) {
            if (r.db.registryInitialized()) {
                r.db.upgradeRegistry(r.out::info);
                r.registry().registerProject(r.plan.project(), r.plan.uri());
            } else {
                r.out.info("Adding registry tables to " + r.db.registryDestination());
                r.db.initializeRegistry(r.plan.project(), r.plan.uri());
            }
        } else {
            if (toIndex < position) {
                throw new SqitchException("Cannot deploy to an earlier change; use \"revert\" instead");
            }
            r.db.upgradeRegistry(r.out::info);
        }
        r.out.info(toChange != null
                ? "Deploying changes through " + r.plan.changeAt(toIndex).formatNameWithTags() + " to "
                        + r.db.destination()
                : "Deploying changes to " + r.db.destination());
        List<Change> batch = r.plan.changes().subList(position + 1, toIndex + 1);
        Map<String, String> resolved = new DeployDependencies(r).check(batch);
        r.maxNameLength = batch.stream().mapToInt(c -> ProgressLine.length(c.formatNameWithTags())).max().orElse(0);
        if (atomicScripts != null) {
            new AtomicDeploy(r).deploy(batch, resolved, atomicScripts);
            return;
        }
        switch (mode) {
            case CHANGE -> {
                for (Change change : batch) {
                    deployChange(change, resolved);
                }
            }
            case ALL, TAG -> deployWithRollback(batch, resolved, mode == DeployMode.TAG);
            default -> throw new IllegalStateException(mode.toString());
        }
    }

    /** Sqitch's {@code _deploy_all} / {@code _deploy_by_tag}. */
    private void deployWithRollback(List<Change> batch, Map<String, String> resolved, boolean byTag) {
        List<Change> deployed = new ArrayList<>();
        Change lastTagged = null;
        try {
            for (Change change : batch) {
                deployChange(change, resolved);
                deployed.add(change);
                if (byTag && !change.tags().isEmpty()) {
                    deployed.clear();
                    lastTagged = change;
                }
            }
        } catch (SqitchException e) {
            if (!(e instanceof QuietFailure)) {
                r.vent(r.explain(e));
            }
            rollback(lastTagged, deployed);
        }
    }

    /** Sqitch's {@code _rollback}: reverts this run's changes, newest first, then fails. */
    private void rollback(Change lastTagged, List<Change> deployed) {
        if (!deployed.isEmpty()) {
            String to = lastTagged != null ? lastTagged.formatNameWithTags() : r.startAt;
            r.out.vent(to != null ? "Reverting to " + to : "Reverting all changes");
            try {
                for (int i = deployed.size() - 1; i >= 0; i--) {
                    Change change = deployed.get(i);
                    new Reverter(r).revertChange(change.id(), change.formatNameWithTags(), r.files.revert(change));
                }
            } catch (SqitchException e) {
                r.vent(r.explain(e));
                r.out.vent("The schema will need to be manually repaired");
            }
        }
        throw new SqitchException("Deploy failed");
    }

    /**
     * Sqitch's {@code _sync_plan}: the plan index of the latest deployed change (-1 when none), logging that
     * change's plan tags the registry lacks, and remembering {@code start_at}.
     */
    private int syncPlan() {
        Optional<DeployedChange> state = r.registry().currentState(r.plan.project());
        if (state.isEmpty()) {
            r.startAt = null;
            return -1;
        }
        DeployedChange current = state.get();
        OptionalInt idx = r.plan.indexOf(current.id());
        if (idx.isEmpty()) {
            List<String> parts = new ArrayList<>();
            parts.add(current.name());
            parts.addAll(current.tags());
            throw new SqitchException("Cannot find change " + current.id() + " (" + String.join(" ", parts)
                    + ") in " + r.plan.file());
        }
        if (current.scriptHash() != null && current.scriptHash().equals(current.id())) {
            // Registries written before Sqitch 0.998 stored the change id as script hash.
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Change c : r.plan.changes()) {
                hashes.put(c.id(), SqlScript.sha1Hex(r.files.resolve(r.files.deploy(c))));
            }
            r.registry().updateScriptHashes(r.plan.project(), hashes);
        }
        Change change = r.plan.changeAt(idx.getAsInt());
        if (!change.tags().isEmpty()) {
            r.registry().logNewTags(change.id(), r.plan.project(), DeployDependencies.tagRecords(change));
            r.startAt = change.name() + change.tags().get(change.tags().size() - 1).formatName();
        } else {
            r.startAt = change.name();
        }
        return idx.getAsInt();
    }

    /** Sqitch's {@code deploy_change}. */
    private void deployChange(Change change, Map<String, String> resolved) {
        String name = change.formatNameWithTags();
        r.progress.start("  + ", name, r.maxNameLength);
        String deployPath = r.files.deploy(change);
        ChangeRecord record = new DeployDependencies(r).record(change, deployPath, resolved);
        Optional<LoadedScript> script = r.options.logOnly() ? Optional.empty() : r.db.load(deployPath, false);
        Optional<LoadedScript> verify = r.options.withVerify() ? r.db.load(r.files.verify(change), true)
                : Optional.empty();
        boolean atomic = r.db.offersOneTransaction()
                && (r.options.logOnly() || script.isPresent() && r.db.canRunInside(script.get())
                && script.get().transactionShape() != TransactionShape.OTHER)
                && (verify.isEmpty() || r.db.canRunInside(verify.get()));
        try {
            if (atomic) {
                deployAtomically(change, record, script, verify);
            } else {
                deployLikeSqitch(change, record, deployPath);
            }
        } catch (SqitchException e) {
            r.registry().recordFail(record);
            r.progress.finish("not ok");
            throw e;
        }
        r.progress.finish("ok");
    }

    /** Script body, verify (in a savepoint) and registry rows in one transaction. */
    private void deployAtomically(Change change, ChangeRecord record, Optional<LoadedScript> script,
                                  Optional<LoadedScript> verify) {
        r.db.prepareForScript();
        r.db.beginWork();
        boolean done = false;
        try {
            script.ifPresent(r::runBodyInWork);
            if (r.options.withVerify()) {
                if (verify.isEmpty()) {
                    r.missingVerify(r.files.verify(change));
                } else {
                    ScriptResult result = r.db.verifyInside(verify.get());
                    if (!result.succeeded()) {
                        // The rollback undoes the change: Sqitch's revert script after a failed verify.
                        r.db.rollbackWork();
                        r.ventLines(result.errorLines());
                        r.out.vent("Verify script \"" + r.files.verify(change) + "\" failed.");
                        throw new QuietFailure("Deploy failed");
                    }
                }
            }
            try {
                r.db.showRegistry();
                r.registry().recordDeploy(record);
                r.db.finishWork();
            } catch (SqitchException e) {
                // As Sqitch after a logging failure: print it, undo the change (here: the rollback), fail quietly.
                r.db.rollbackWork();
                r.vent(r.explain(e));
                throw new QuietFailure("Deploy failed");
            }
            done = true;
        } finally {
            if (!done) {
                r.db.rollbackWork();
            }
        }
    }

    /** Sqitch's way for a script that manages its own transactions: script, verify, then the registry rows. */
    private void deployLikeSqitch(Change change, ChangeRecord record, String deployPath) {
        if (!r.options.logOnly()) {
            ScriptResult result = r.db.runAlone(deployPath, false);
            if (!result.succeeded()) {
                r.ventLines(result.errorLines());
                throw r.clientFailed();
            }
        }
        try {
            if (r.options.withVerify()) {
                r.verifyChange(r.files.verify(change));
            }
            r.registry().recordDeploy(record);
        } catch (SqitchException e) {
            r.vent(r.explain(e));
            // Sqitch runs the revert script silently, printing only its errors.
            if (!r.options.logOnly()) {
                ScriptResult undo = r.db.runAlone(r.files.revert(change), false);
                if (!undo.succeeded()) {
                    r.ventLines(undo.errorLines());
                    r.vent(r.clientFailed().getMessage());
                }
            }
            throw new QuietFailure("Deploy failed");
        }
    }

}
