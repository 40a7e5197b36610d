package io.sqlitch.command;

import io.sqlitch.FileWrite;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.DeployPreview;
import io.sqlitch.engine.DeployPreview.Step;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.RegistrySnapshot;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code sqlitch.dryRun} (not a Sqitch option): what {@code deploy}, {@code revert}, {@code rebase} or
 * {@code checkout} would run, printed in order and optionally written as one SQL file, touching no database: the
 * registry is read read-only and never created, no lock is taken, and checkout checks nothing out (the other
 * branch's plan and scripts are read with {@code git show}). Fails as the real command would up front (missing
 * scripts, conflicts, requires, changes still required, no registry to revert).
 */
public final class PreviewCommand {

    private static final List<String> DEPLOY_VARIABLES = List.of("core.variables", "deploy.variables");
    private static final List<String> REVERT_VARIABLES =
            List.of("core.variables", "deploy.variables", "revert.variables");

    /** One half of a preview: its steps and how its heading reads. */
    private record Part(List<Step> steps, String verb, String nothing) {
        static Part deploy(List<Step> steps) {
            return new Part(steps, "Would deploy", "Nothing to deploy (up-to-date)");
        }

        static Part revert(List<Step> steps) {
            return new Part(steps, "Would revert", "Nothing to revert");
        }
    }

    private final CommandContext ctx;

    public PreviewCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Previews {@code deploy}; {@code file} (or null) receives the SQL. */
    public void deploy(DeployOptions o, Path file) {
        DeployMode.parse(EngineTargets.string(ctx, o.mode(), "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "deploy", o.target(), o.args());
        String change = o.toChange() != null ? o.toChange() : t.change(0);
        Map<String, String> vars = t.variables(ctx, DEPLOY_VARIABLES, o.set());
        report(withStore(t.target(), store -> List.of(Part.deploy(
                preview(t.target(), ctx.plan(t.target()), vars, store).deploy(change)))), file);
    }

    /** Previews {@code revert}, newest change first; {@code file} (or null) receives the SQL. */
    public void revert(RevertOptions o, Path file) {
        EngineTargets t = EngineTargets.parse(ctx, "revert", o.target(), o.args());
        Map<String, String> vars = t.variables(ctx, REVERT_VARIABLES, o.set());
        report(withStore(t.target(), store -> {
            DeployPreview p = preview(t.target(), ctx.plan(t.target()), vars, store);
            String change = o.modified() ? p.plannedDeployedCommonAncestorId()
                    : o.toChange() != null ? o.toChange() : t.change(0);
            requireRegistry(t.target(), store);
            return List.of(Part.revert(p.revert(change)));
        }), file);
    }

    /**
     * Previews {@code rebase}: the revert down to the onto change with the revert variables, then the deploy up to
     * the upto change with the deploy variables, as {@link RebaseCommand} runs them.
     */
    public void rebase(RebaseOptions o, Path file) {
        DeployMode.parse(EngineTargets.string(ctx, o.mode(), "rebase.mode", "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "rebase", o.target(), o.args());
        Map<String, String> revertVars = t.variables(ctx, REVERT_VARIABLES, RebaseCommand.merged(o.set(),
                o.setRevert()));
        Map<String, String> deployVars = t.variables(ctx, DEPLOY_VARIABLES, RebaseCommand.merged(o.set(),
                o.setDeploy()));
        Plan plan = ctx.plan(t.target());
        report(withStore(t.target(), store -> {
            DeployPreview revert = preview(t.target(), plan, revertVars, store);
            RebaseSpan span = RebaseSpan.of(ctx, o, t.changes(), revert::plannedDeployedCommonAncestorId);
            requireRegistry(t.target(), store);
            List<Step> reverts = revert.revert(span.onto());
            List<Step> deploys = revert.afterRevert(reverts, plan, scripts(t.target()),
                    render(t.target(), deployVars)).deploy(span.upto());
            return List.of(Part.revert(reverts), Part.deploy(deploys));
        }), file);
    }

    /**
     * Previews {@code checkout}: the revert to the last change both branches share (this branch's scripts), then
     * the deploy of the other branch's plan with the scripts committed on that branch, as {@link CheckoutCommand}
     * would run them after its {@code git checkout}, which the preview never runs.
     */
    public void checkout(CheckoutOptions o, Path file) {
        DeployMode.parse(EngineTargets.string(ctx, o.mode(), "checkout.mode", "deploy.mode"));
        CheckoutPlans plans = CheckoutPlans.resolve(ctx, o);
        EngineTargets t = new EngineTargets(plans.target(), List.of());
        Map<String, String> revertVars = t.variables(ctx, REVERT_VARIABLES, RebaseCommand.merged(o.set(),
                o.setRevert()));
        Map<String, String> deployVars = t.variables(ctx, DEPLOY_VARIABLES, RebaseCommand.merged(o.set(),
                o.setDeploy()));
        report(withStore(t.target(), store -> {
            requireRegistry(t.target(), store);
            DeployPreview revert = preview(t.target(), plans.fromPlan(), revertVars, store);
            List<Step> reverts = revert.revert(plans.lastCommon().id());
            List<Step> deploys = revert.afterRevert(reverts, plans.toPlan(),
                    display -> plans.vcs().show(plans.branch(), display), render(t.target(), deployVars))
                    .deploy(null);
            return List.of(Part.revert(reverts), Part.deploy(deploys));
        }), file);
    }

    private DeployPreview preview(Target target, Plan plan, Map<String, String> vars, RegistryStore store) {
        return new DeployPreview(plan, files(target), scripts(target), render(target, vars), store);
    }

    private ScriptFiles files(Target target) {
        return new ScriptFiles(target, ctx.run().directory());
    }

    private DeployPreview.Scripts scripts(Target target) {
        return DeployPreview.Scripts.workingTree(files(target));
    }

    /** How the target's engine substitutes variables into a script. */
    private UnaryOperator<String> render(Target target, Map<String, String> vars) {
        return DeployPreview.sqlite(vars);
    }

    /** The real revert checks the registry first (a database never deployed has none). */
    private static void requireRegistry(Target target, RegistryStore store) {
        if (store == null) {
            throw new SqitchException("No registry found in " + target.registryDestination()
                    + ". Have you ever deployed?");
        }
    }

    /** Calls {@code what} with the target's registry opened read-only (null when there is none yet). */
    private <T> T withStore(Target target, Function<RegistryStore, T> what) {
        Optional<Path> registry = target.registryFile(ctx.run().directory());
        if (registry.isEmpty()) {
            throw new SqitchException("Preview needs a database file: " + target.destination());
        }
        return RegistrySnapshot.readOnly(registry.get(), ctx.run().clock(), what);
    }

    private void report(List<Part> parts, Path file) {
        StringBuilder all = new StringBuilder();
        for (Part part : parts) {
            List<Step> steps = part.steps();
            if (steps.isEmpty()) {
                ctx.out().info(part.nothing());
            } else {
                ctx.out().info(part.verb() + " " + steps.size() + (steps.size() == 1 ? " change" : " changes")
                        + " (preview: nothing is written to the database)");
            }
            String sql = DeployPreview.sql(steps);
            ctx.out().infoLines(sql.endsWith("\n") ? sql.substring(0, sql.length() - 1) : sql);
            all.append(sql);
        }
        if (file != null) {
            FileWrite.atomically(file, all.toString());
            ctx.out().info("Wrote " + file);
        }
    }
}
