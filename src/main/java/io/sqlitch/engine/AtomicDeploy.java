package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.registry.ChangeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our all-or-nothing deploy (not in Sqitch): every pending change in ONE transaction, so the deploy mode is
 * irrelevant (a failure rolls the whole run back and nothing needs reverting). Refused up front, before anything is
 * written, when a deploy script (or, with {@code --verify}, a verify script) manages its own transactions beyond one
 * BEGIN…COMMIT around everything (or BEGIN…ROLLBACK for verify): such a script cannot run inside ours.
 */
final class AtomicDeploy {

    private final EngineRun r;

    AtomicDeploy(EngineRun r) {
        this.r = r;
    }

    /** A change's parsed deploy script (empty with {@code --log-only} or when missing) and verify script. */
    record Scripts(Optional<LoadedScript> deploy, Optional<LoadedScript> verify) {
    }

    /**
     * Parses every pending change's scripts for the atomic deploy and refuses, naming the script, when one cannot
     * run inside the run's transaction. A missing deploy script is not refused here: it fails when reached, as
     * in a normal deploy.
     */
    Map<String, Scripts> load(List<Change> batch) {
        if (!r.db.offersOneTransaction()) {
            throw new SqitchException("Cannot deploy atomically to " + r.db.destination()
                    + ": its engine runs every script as Sqitch does; deploy without the atomic option");
        }
        Map<String, Scripts> scripts = new HashMap<>();
        for (Change change : batch) {
            Optional<LoadedScript> script = r.options.logOnly() ? Optional.empty()
                    : r.db.load(r.files.deploy(change), false);
            if (script.isPresent() && script.get().transactionShape() == TransactionShape.OTHER) {
                throw new SqitchException("Cannot deploy atomically: deploy script " + r.files.deploy(change)
                        + " manages its own transactions; deploy without the atomic option");
            }
            Optional<LoadedScript> verify = r.options.withVerify() && !r.options.logOnly()
                    ? r.db.load(r.files.verify(change), true) : Optional.empty();
            if (verify.isPresent() && !r.db.canRunInside(verify.get())) {
                throw new SqitchException("Cannot deploy atomically: verify script " + r.files.verify(change)
                        + " manages its own transactions; deploy without the atomic option");
            }
            scripts.put(change.id(), new Scripts(script, verify));
        }
        return scripts;
    }

    /**
     * The atomic deploy: one transaction for every change's script body, verify (in a savepoint) and registry
     * rows. On failure the transaction is rolled back, so the database and registry are as before the run, and
     * then the failing change's {@code fail} event is written in a transaction of its own.
     */
    void deploy(List<Change> batch, Map<String, String> resolved, Map<String, Scripts> scripts) {
        r.db.prepareForScript();
        r.db.beginWork();
        ChangeRecord current = null;
        List<ChangeRecord> records = new ArrayList<>();
        boolean done = false;
        try {
            for (Change change : batch) {
                r.progress.start("  + ", change.formatNameWithTags(), r.maxNameLength);
                String deployPath = r.files.deploy(change);
                current = new DeployDependencies(r).record(change, deployPath, resolved);
                Scripts s = scripts.get(change.id());
                if (!r.options.logOnly()) {
                    if (s.deploy().isEmpty()) {
                        failAtomic(List.of("Error: cannot open \"" + deployPath + "\""), r.clientFailed().getMessage());
                    }
                    ScriptResult result = r.db.runBody(s.deploy().get());
                    if (!result.succeeded()) {
                        failAtomic(result.errorLines(), r.clientFailed().getMessage());
                    }
                }
                if (r.options.withVerify() && !r.options.logOnly()) {
                    if (s.verify().isEmpty()) {
                        r.missingVerify(r.files.verify(change));
                    } else {
                        ScriptResult result = r.db.verifyInside(s.verify().get());
                        if (!result.succeeded()) {
                            failAtomic(result.errorLines(), "Verify script \"" + r.files.verify(change) + "\" failed.");
                        }
                    }
                }
                records.add(current);
                r.progress.finish("ok");
            }
            // No script runs after this: the registry joins the transaction and every change's rows follow.
            for (ChangeRecord rec : records) {
                current = rec;
                try {
                    r.db.showRegistry();
                    r.registry().recordDeploy(rec);
                } catch (SqitchException e) {
                    throw new AtomicFailure(List.of(e.getMessage().split("\n", -1)), true);
                }
            }
            try {
                r.db.finishWork();
            } catch (SqitchException e) {
                throw new AtomicFailure(List.of(e.getMessage().split("\n", -1)), true);
            }
            done = true;
        } catch (AtomicFailure e) {
            r.db.rollbackWork();
            r.db.showRegistry();
            if (current != null) {
                r.registry().recordFail(current);
            }
            if (e.ok) {
                // The commit failed after every change printed "ok".
                e.lines.forEach(r.out::vent);
            } else {
                r.progress.finish("not ok");
                e.lines.forEach(r.out::vent);
            }
            r.out.vent("Rolled back all changes of this deploy");
            throw new SqitchException("Deploy failed");
        } finally {
            if (!done) {
                r.db.rollbackWork();
            }
        }
    }

    /** Stops the atomic deploy: these stderr lines (client errors, then the message) follow the rollback. */
    private void failAtomic(List<String> errorLines, String message) {
        List<String> lines = new ArrayList<>(errorLines);
        lines.addAll(List.of(message.split("\n", -1)));
        throw new AtomicFailure(lines, false);
    }

    private static final class AtomicFailure extends RuntimeException {
        private final List<String> lines;
        private final boolean ok;

        AtomicFailure(List<String> lines, boolean ok) {
            super(null, null, false, false);
            this.lines = lines;
            this.ok = ok;
        }
    }

}
