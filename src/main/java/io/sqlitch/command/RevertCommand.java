package io.sqlitch.command;

import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.Engine;
import io.sqlitch.engine.RevertDeclined;
import java.util.List;

/** {@code sqitch revert}: reverts deployed changes, after asking unless {@code -y}. */
public final class RevertCommand implements Command<RevertOptions, Void> {

    private final CommandContext ctx;

    public RevertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(RevertOptions o) {
        EngineTargets t = EngineTargets.parse(ctx, "revert", o.target(), o.args());
        EngineOptions options = new EngineOptions(false, o.logOnly(), DeployCommand.timeout(o.lockTimeout()),
                EngineTargets.bool(ctx, o.noPrompt(), false, "revert.no_prompt"),
                EngineTargets.bool(ctx, null, true, "revert.prompt_accept"),
                t.variables(ctx, List.of("core.variables", "deploy.variables", "revert.variables"), o.set()));
        try (Engine engine = t.engine(ctx, options)) {
            // With --modified Sqitch leaves every change argument unused, so any one draws the warning (naming the
            // common ancestor's ID).
            int used = o.modified() || o.toChange() != null ? 0 : 1;
            String change = o.modified() ? engine.plannedDeployedCommonAncestorId()
                    : o.toChange() != null ? o.toChange() : t.change(0);
            if (t.changes().size() > used) {
                ctx.out().warn("Too many changes specified; reverting to \""
                        + (change == null ? "{change}" : change) + "\""); // Locale::TextDomain leaves undef unexpanded
            }
            engine.revert(change);
        } catch (RevertDeclined declined) {
            return CommandResult.soft(declined.getMessage()); // the question was answered no
        }
        return CommandResult.ok();
    }
}
