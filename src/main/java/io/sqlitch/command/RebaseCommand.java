package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.Engine;
import io.sqlitch.engine.RevertDeclined;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code sqitch rebase}: revert to a change, then deploy again, under one lock and one connection. */
public final class RebaseCommand implements Command<RebaseOptions, Void> {

    private final CommandContext ctx;

    public RebaseCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(RebaseOptions o) {
        DeployMode mode = DeployMode.parse(EngineTargets.string(ctx, o.mode(), "rebase.mode", "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "rebase", o.target(), o.args());
        EngineOptions options = new EngineOptions(
                EngineTargets.bool(ctx, o.verify(), false, "rebase.verify", "deploy.verify"), o.logOnly(),
                DeployCommand.timeout(o.lockTimeout()),
                EngineTargets.bool(ctx, o.noPrompt(), false, "rebase.no_prompt", "revert.no_prompt"),
                EngineTargets.bool(ctx, null, true, "rebase.prompt_accept", "revert.prompt_accept"),
                t.variables(ctx, List.of("core.variables", "deploy.variables", "revert.variables"),
                        merged(o.set(), o.setRevert())));
        try (Engine engine = t.engine(ctx, options)) {
            RebaseSpan span = RebaseSpan.of(ctx, o, t.changes(), engine::plannedDeployedCommonAncestorId);
            Optional<CommandResult<Void>> declined = revertFirst(engine, span.onto(), ctx.out());
            if (declined.isPresent()) {
                return declined.get();
            }
            engine.useVariables(t.variables(ctx, List.of("core.variables", "deploy.variables"),
                    merged(o.set(), o.setDeploy())));
            engine.deploy(span.upto(), mode);
        }
        return CommandResult.ok();
    }

    /** {@code --set}, overridden by {@code --set-revert} or {@code --set-deploy} (Sqitch's RevertDeployCommand). */
    static Map<String, String> merged(Map<String, String> set, Map<String, String> specific) {
        Map<String, String> vars = new LinkedHashMap<>(set);
        vars.putAll(specific);
        return vars;
    }

    /**
     * The revert half of rebase and checkout. Sqitch ignores its soft outcomes (nothing to revert: a notice) except
     * a declined "Revert changes to X?" (revert:confirm), which ends the command softly.
     */
    static Optional<CommandResult<Void>> revertFirst(Engine engine, String to, Output out) {
        try {
            engine.revert(to);
        } catch (SqitchException e) {
            if (e instanceof RevertDeclined d && d.withTarget()) {
                return Optional.of(CommandResult.soft(d.getMessage()));
            }
            if (e.exitValue() > 1) {
                throw e;
            }
            out.info(e.getMessage());
        }
        return Optional.empty();
    }
}
