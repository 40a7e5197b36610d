package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.engine.DeployedRange;
import io.sqlitch.engine.SqlScript;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code sqitch check}: compares the deployed changes' script hashes with the plan's deploy scripts. */
public final class CheckCommand implements Command<CheckOptions, Void> {

    private final CommandContext ctx;

    public CheckCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(CheckOptions options) {
        EngineTargets t = EngineTargets.parse(ctx, "check", options.target(), options.args());
        Target target = t.target();
        List<String> rest = new ArrayList<>(t.changes());
        String from = options.fromChange() != null ? options.fromChange() : rest.isEmpty() ? null : rest.remove(0);
        String to = options.toChange() != null ? options.toChange() : rest.isEmpty() ? null : rest.remove(0);
        if (!rest.isEmpty()) {
            ctx.out().warn("Too many changes specified; checking from \"" + from + "\" to \"" + to + "\"");
        }
        try (ReportReads reg = ReportReads.open(ctx, target)) {
            reg.checkRegistry();
            Plan plan = ctx.plan(target);
            RegistryStore registry = reg.store();
            List<DeployedChange> deployed = new ArrayList<>(registry.deployedChanges(plan.project()));
            ctx.out().info("Checking " + reg.destination());
            if (deployed.isEmpty()) {
                ctx.out().info(plan.count() > 0 ? "No changes deployed"
                        : "Nothing to check (no planned or deployed changes)");
                return CommandResult.ok();
            }
            int fromIdx = from == null ? 0 : trimTo(registry, plan, from, deployed, false);
            if (to != null) {
                trimTo(registry, plan, to, deployed, true);
            }
            ScriptFiles scripts = new ScriptFiles(target, ctx.run().directory());
            int failed = 0;
            int divergent = divergence(plan, scripts, fromIdx, deployed);
            if (divergent != -1) {
                failed++;
                ctx.out().emit("Script signatures diverge at change " + deployed.get(divergent).nameWithTags());
            }
            if (failed > 0) {
                // Sqitch exits with the number of failed checks.
                throw new SqitchException(failed == 1 ? "Failed one check" : "Failed " + failed + " checks", failed);
            }
            ctx.out().emit("Check successful");
        }
        return CommandResult.ok();
    }

    private static int divergence(Plan plan, ScriptFiles scripts, int fromIdx, List<DeployedChange> deployed) {
        for (int i = 0; i < deployed.size(); i++) {
            if (i + fromIdx >= plan.count()) {
                return i;
            }
            Change planned = plan.changeAt(i + fromIdx);
            String hash = SqlScript.sha1Hex(scripts.resolve(scripts.deploy(planned)));
            if (!Objects.equals(deployed.get(i).scriptHash(), hash)) {
                return i;
            }
        }
        return -1;
    }

    /** Sqitch's {@code _trim_to}: the plan index of {@code key}, dropping deployed changes outside the range. */
    private int trimTo(RegistryStore registry, Plan plan, String key, List<DeployedChange> changes, boolean pop) {
        return DeployedRange.trimTo(registry, plan, key, changes, pop, new Registry.LookupReporter(ctx.out()::vent,
                changeId -> plan.get(changeId).map(Change::formatTagQualifiedName)));
    }
}
