package io.sqlitch.command;

import io.sqlitch.FileWrite;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.DeployPreview;
import io.sqlitch.engine.DeployPreview.Step;
import io.sqlitch.engine.SupportedEngines;
import io.sqlitch.engine.pg.PgEngine;
import io.sqlitch.engine.pg.PsqlPreview;
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
    public CommandResult<Void> deploy(DeployOptions o, Path file) {
        DeployMode.parse(EngineTargets.string(ctx, o.mode(), "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "deploy", o.target(), o.args());
        String change = o.toChange() != null ? o.toChange() : t.change(0);
        Map<String, String> vars = t.variables(ctx, DEPLOY_VARIABLES, o.set());
        report(reading(t.target(), r -> List.of(Part.deploy(
                preview(t.target(), ctx.plan(t.target()), vars, r).deploy(change)))), file);
        return CommandResult.ok();
    }

    /** Previews {@code revert}, newest change first; {@code file} (or null) receives the SQL. */
    public CommandResult<Void> revert(RevertOptions o, Path file) {
        EngineTargets t = EngineTargets.parse(ctx, "revert", o.target(), o.args());
        Map<String, String> vars = t.variables(ctx, REVERT_VARIABLES, o.set());
        report(reading(t.target(), r -> {
            DeployPreview p = preview(t.target(), ctx.plan(t.target()), vars, r);
            String change = o.modified() ? p.plannedDeployedCommonAncestorId()
                    : o.toChange() != null ? o.toChange() : t.change(0);
            r.requireRegistry();
            return List.of(Part.revert(p.revert(change)));
        }), file);
        return CommandResult.ok();
    }

    /**
     * Previews {@code rebase}: the revert down to the onto change with the revert variables, then the deploy up to
     * the upto change with the deploy variables, as {@link RebaseCommand} runs them.
     */
    public CommandResult<Void> rebase(RebaseOptions o, Path file) {
        DeployMode.parse(EngineTargets.string(ctx, o.mode(), "rebase.mode", "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "rebase", o.target(), o.args());
        Map<String, String> revertVars = t.variables(ctx, REVERT_VARIABLES, RebaseCommand.merged(o.set(),
                o.setRevert()));
        Map<String, String> deployVars = t.variables(ctx, DEPLOY_VARIABLES, RebaseCommand.merged(o.set(),
                o.setDeploy()));
        Plan plan = ctx.plan(t.target());
        report(reading(t.target(), r -> {
            DeployPreview revert = preview(t.target(), plan, revertVars, r);
            RebaseSpan span = RebaseSpan.of(ctx, o, t.changes(), revert::plannedDeployedCommonAncestorId);
            r.requireRegistry();
            List<Step> reverts = revert.revert(span.onto());
            List<Step> deploys = revert.afterRevert(reverts, plan, scripts(t.target()),
                    r.render().apply(deployVars)).deploy(span.upto());
            return List.of(Part.revert(reverts), Part.deploy(deploys));
        }), file);
        return CommandResult.ok();
    }

    /**
     * Previews {@code checkout}: the revert to the last change both branches share (this branch's scripts), then
     * the deploy of the other branch's plan with the scripts committed on that branch, as {@link CheckoutCommand}
     * would run them after its {@code git checkout}, which the preview never runs.
     */
    public CommandResult<Void> checkout(CheckoutOptions o, Path file) {
        DeployMode.parse(EngineTargets.string(ctx, o.mode(), "checkout.mode", "deploy.mode"));
        CommandResult<CheckoutPlans> resolved = CheckoutPlans.resolve(ctx, o);
        if (resolved.isSoft()) {
            return CommandResult.soft(resolved.message());
        }
        CheckoutPlans plans = resolved.value();
        EngineTargets t = new EngineTargets(plans.target(), List.of());
        Map<String, String> revertVars = t.variables(ctx, REVERT_VARIABLES, RebaseCommand.merged(o.set(),
                o.setRevert()));
        Map<String, String> deployVars = t.variables(ctx, DEPLOY_VARIABLES, RebaseCommand.merged(o.set(),
                o.setDeploy()));
        report(reading(t.target(), r -> {
            r.requireRegistry();
            DeployPreview revert = preview(t.target(), plans.fromPlan(), revertVars, r);
            List<Step> reverts = revert.revert(plans.lastCommon().id());
            List<Step> deploys = revert.afterRevert(reverts, plans.toPlan(),
                    display -> plans.vcs().show(plans.branch(), display), r.render().apply(deployVars))
                    .deploy(null);
            return List.of(Part.revert(reverts), Part.deploy(deploys));
        }), file);
        return CommandResult.ok();
    }

    private DeployPreview preview(Target target, Plan plan, Map<String, String> vars, Reading r) {
        return new DeployPreview(plan, files(target), scripts(target), r.render().apply(vars), r.store());
    }

    private ScriptFiles files(Target target) {
        return new ScriptFiles(target, ctx.run().directory());
    }

    private DeployPreview.Scripts scripts(Target target) {
        return DeployPreview.Scripts.workingTree(files(target));
    }



    /**
     * The registry, read-only (null when there is none yet), and how the target's engine would substitute
     * variables into a script ({@code render}).
     */
    private record Reading(RegistryStore store, Function<Map<String, String>, UnaryOperator<String>> render,
                           String registryDestination) {

        /** The real revert checks the registry first (a database never deployed has none). */
        void requireRegistry() {
            if (store == null) {
                throw new SqitchException("No registry found in " + registryDestination
                        + ". Have you ever deployed?");
            }
        }
    }

    /**
     * Calls {@code what} with the target's registry read read-only: SQLite's file opened read-only and never
     * created; PostgreSQL's registry schema on a session of its own, no lock taken, closed right after.
     */
    private <T> T reading(Target target, Function<Reading, T> what) {
        SupportedEngines.require(target);
        if ("pg".equals(target.engine().orElse(""))) {
            try (ReportReads reads = ReportReads.open(ctx, target)) {
                PgEngine engine = ((ReportReads.PgReports) reads).engine();
                RegistryStore store = reads.initialized() ? reads.store() : null;
                // Each script starts from the variables its own psql session would have (as the runner does).
                return what.apply(new Reading(store, vars -> text -> PsqlPreview.render(text,
                        engine.scriptVariables(vars)), reads.registryDestination()));
            }
        }
        Optional<Path> registry = target.registryFile(ctx.run().directory());
        if (registry.isEmpty()) {
            throw new SqitchException("Preview needs a database file: " + target.destination());
        }
        return RegistrySnapshot.readOnly(registry.get(), ctx.run().clock(),
                store -> what.apply(new Reading(store, DeployPreview::sqlite, target.registryDestination())));
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
            if (!sql.isEmpty()) {
                ctx.out().infoLines(sql.substring(0, sql.length() - 1));
            }
            all.append(sql);
        }
        if (file != null) {
            FileWrite.atomically(file, all.toString());
            ctx.out().info("Wrote " + file);
        }
    }
}
