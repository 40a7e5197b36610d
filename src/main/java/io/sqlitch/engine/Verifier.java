package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.DeployedChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Sqitch's {@code verify}: each deployed change's verify script, plan order checked, then the summary report. */
final class Verifier {

    private final EngineRun r;

    Verifier(EngineRun r) {
        this.r = r;
    }

    void verify(String from, String to) {
        r.db.connectUnlocked();
        r.db.checkRegistry();
        List<DeployedChange> changes = new ArrayList<>(r.registry().deployedChanges(r.plan.project()));
        Map<String, List<String>> reworkTags = DeployedReworkTags.of(changes, r.plan);
        r.out.info("Verifying " + r.db.destination());
        if (changes.isEmpty()) {
            r.out.info(r.plan.count() > 0 ? "No changes deployed"
                    : "Nothing to verify (no planned or deployed changes)");
            return;
        }
        if (r.plan.count() == 0) {
            throw new SqitchException("There are deployed changes, but none planned!");
        }
        int fromIdx = from == null ? 0 : trimTo(from, changes, false);
        int toIdx;
        if (to != null) {
            toIdx = trimTo(to, changes, true);
        } else {
            toIdx = r.registry().latestChangeId(r.plan.project(), 0).flatMap(id -> box(r.plan.indexOf(id)))
                    .orElse(r.plan.count() - 1);
        }
        int errors = verifyChanges(fromIdx, toIdx, to == null, changes, reworkTags);
        if (errors > 0) {
            int numChanges = Math.max(1 + toIdx - fromIdx, changes.size());
            String title = "Verify Summary Report";
            r.out.emit("");
            r.out.emit(title);
            r.out.emit("-".repeat(title.length()));
            r.out.emit("Changes: " + numChanges);
            r.out.emit("Errors:  " + errors);
            throw new SqitchException("Verify failed");
        }
        r.out.emit("Verify successful");
    }

    private static Optional<Integer> box(OptionalInt i) {
        return i.isPresent() ? Optional.of(i.getAsInt()) : Optional.empty();
    }

    private int trimTo(String key, List<DeployedChange> changes, boolean pop) {
        return DeployedRange.trimTo(r.registry(), r.plan, key, changes, pop, r.reporter());
    }

    private int verifyChanges(int fromIdx, int toIdx, boolean pending, List<DeployedChange> changes,
                              Map<String, List<String>> reworkTags) {
        ProgressLine saved = r.progress;
        // Verify's lines are always printed; -vv script output continues them.
        r.progress = new ProgressLine(r.out::emit);
        try {
            return verifyEach(r.progress, fromIdx, toIdx, pending, changes, reworkTags);
        } finally {
            r.progress = saved;
        }
    }

    private int verifyEach(ProgressLine line, int fromIdx, int toIdx, boolean pending, List<DeployedChange> changes,
                           Map<String, List<String>> reworkTags) {
        int max = 0;
        for (DeployedChange c : changes) {
            max = Math.max(max, ProgressLine.length(c.nameWithTags()));
        }
        for (int i = fromIdx; i <= toIdx; i++) {
            max = Math.max(max, ProgressLine.length(r.plan.changeAt(i).formatNameWithTags()));
        }
        int errorCount = 0;
        Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            DeployedChange change = changes.get(i);
            int errs = 0;
            boolean reworked = false;
            line.start("  * ", change.nameWithTags(), max);
            OptionalInt planIndex = r.plan.indexOf(change.id());
            if (planIndex.isPresent()) {
                seen.add(planIndex.getAsInt());
                if (planIndex.getAsInt() != fromIdx + i) {
                    line.line("# Out of order");
                    errs++;
                }
                reworked = r.plan.changeAt(planIndex.getAsInt()).isReworked();
            } else {
                line.line("# Not present in the plan");
                errs++;
            }
            if (!reworked) {
                try {
                    r.verifyChange(r.files.verify(change.name(), reworkTags.get(change.id())));
                } catch (SqitchException e) {
                    line.line("# " + e.getMessage());
                    errs++;
                }
            }
            line.finish(errs > 0 ? "not ok" : "ok");
            errorCount += errs;
        }
        for (int idx = fromIdx; idx <= toIdx; idx++) {
            if (seen.contains(idx)) {
                continue;
            }
            line.start("  * ", r.plan.changeAt(idx).formatNameWithTags(), max);
            line.line("not ok # Not deployed");
            errorCount++;
        }
        if (pending && toIdx < r.plan.count() - 1) {
            int n = r.plan.count() - 1 - toIdx;
            r.out.emit(n == 1 ? "Undeployed change:" : "Undeployed changes:");
            for (int idx = toIdx + 1; idx < r.plan.count(); idx++) {
                r.out.emit("  * " + r.plan.changeAt(idx).formatNameWithTags());
            }
        }
        return errorCount;
    }

}
