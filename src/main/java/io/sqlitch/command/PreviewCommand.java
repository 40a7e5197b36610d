package io.sqlitch.command;

import io.sqlitch.FileWrite;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.DeployPreview;
import io.sqlitch.registry.RegistrySnapshot;
import io.sqlitch.target.ScriptFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sqlitch.dryRun} (not a Sqitch option): what {@code deploy} or {@code revert} would run, printed in order
 * and optionally written as one SQL file, touching no database: the registry is read read-only and never created,
 * and no lock is taken. Fails as the real command would up front (missing scripts, conflicts, requires).
 */
public final class PreviewCommand {

    private final CommandContext ctx;

    public PreviewCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Previews {@code deploy}; {@code file} (or null) receives the SQL. */
    public void deploy(DeployOptions o, Path file) {
        EngineTargets t = EngineTargets.parse(ctx, "deploy", o.target(), o.args());
        String change = o.toChange() != null ? o.toChange() : t.change(0);
        Map<String, String> vars = t.variables(ctx, List.of("core.variables", "deploy.variables"), o.set());
        List<DeployPreview.Step> steps = preview(t, vars, p -> p.deploy(change));
        report(steps, file, "Would deploy", "Nothing to deploy (up-to-date)");
    }

    /** Previews {@code revert}, newest change first; {@code file} (or null) receives the SQL. */
    public void revert(RevertOptions o, Path file) {
        if (o.modified()) {
            throw new SqitchException("The preview does not support --modified");
        }
        EngineTargets t = EngineTargets.parse(ctx, "revert", o.target(), o.args());
        String change = o.toChange() != null ? o.toChange() : t.change(0);
        Map<String, String> vars = t.variables(ctx,
                List.of("core.variables", "deploy.variables", "revert.variables"), o.set());
        List<DeployPreview.Step> steps = preview(t, vars, p -> p.revert(change));
        report(steps, file, "Would revert", "Nothing to revert (nothing deployed)");
    }

    private List<DeployPreview.Step> preview(EngineTargets t, Map<String, String> vars,
                                             Function<DeployPreview, List<DeployPreview.Step>> what) {
        Path dir = ctx.run().directory();
        Optional<Path> registry = t.target().registryFile(dir);
        if (registry.isEmpty()) {
            throw new SqitchException("Preview needs a database file: " + t.target().destination());
        }
        ScriptFiles files = new ScriptFiles(t.target(), dir);
        return RegistrySnapshot.readOnly(registry.get(), ctx.run().clock(),
                store -> what.apply(new DeployPreview(dir, ctx.plan(t.target()), files, vars, store)));
    }

    private void report(List<DeployPreview.Step> steps, Path file, String verb, String nothing) {
        if (steps.isEmpty()) {
            ctx.out().info(nothing);
        } else {
            ctx.out().info(verb + " " + steps.size() + (steps.size() == 1 ? " change" : " changes")
                    + " (preview: nothing is written to the database)");
        }
        String sql = DeployPreview.sql(steps);
        ctx.out().infoLines(sql.endsWith("\n") ? sql.substring(0, sql.length() - 1) : sql);
        if (file != null) {
            FileWrite.atomically(file, sql);
            ctx.out().info("Wrote " + file);
        }
    }
}
