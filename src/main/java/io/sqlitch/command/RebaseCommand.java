package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.SqliteEngine;
import java.util.ArrayList;
import java.util.List;

/** {@code sqitch rebase}: revert to a change, then deploy again, under one lock and one connection. */
public final class RebaseCommand {

    private final CommandContext ctx;

    public RebaseCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    public void execute(RebaseOptions o) {
        DeployMode mode = DeployMode.parse(EngineTargets.string(ctx, o.mode(), "rebase.mode", "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "rebase", o.target(), o.args());
        List<String> rest = new ArrayList<>(t.changes());
        String onto = o.ontoChange() != null ? o.ontoChange() : rest.isEmpty() ? null : rest.remove(0);
        String upto = o.uptoChange() != null ? o.uptoChange() : rest.isEmpty() ? null : rest.remove(0);
        if (!rest.isEmpty()) {
            ctx.out().warn("Too many changes specified; rebasing onto \"" + onto + "\" up to \"" + upto + "\"");
        }
        EngineOptions options = new EngineOptions(
                EngineTargets.bool(ctx, o.verify(), false, "rebase.verify", "deploy.verify"), o.logOnly(),
                DeployCommand.timeout(o.lockTimeout()),
                EngineTargets.bool(ctx, o.noPrompt(), false, "rebase.no_prompt", "revert.no_prompt"),
                EngineTargets.bool(ctx, null, true, "rebase.prompt_accept", "revert.prompt_accept"),
                t.variables(ctx, List.of("core.variables", "deploy.variables", "revert.variables"), o.set()));
        try (SqliteEngine engine = t.engine(ctx, options)) {
            try {
                engine.revert(onto);
            } catch (SqitchException e) {
                // Sqitch's rebase ignores soft outcomes except a declined "Revert changes to X?" (revert:confirm).
                if (e.exitValue() > 1 || e instanceof SqliteEngine.RevertDeclined d && d.withTarget()) {
                    throw e;
                }
                ctx.out().info(e.getMessage());
            }
            engine.useVariables(t.variables(ctx, List.of("core.variables", "deploy.variables"), o.set()));
            engine.deploy(upto, mode);
        }
    }
}
