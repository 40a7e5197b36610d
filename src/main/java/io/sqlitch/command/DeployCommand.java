package io.sqlitch.command;

import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.Engine;
import java.time.Duration;
import java.util.List;

/** {@code sqitch deploy}: deploys the plan's changes to a target. */
public final class DeployCommand implements Command<DeployOptions, Void> {

    private final CommandContext ctx;

    public DeployCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(DeployOptions o) {
        DeployMode mode = DeployMode.parse(EngineTargets.string(ctx, o.mode(), "deploy.mode"));
        EngineTargets t = EngineTargets.parse(ctx, "deploy", o.target(), o.args());
        String change = o.toChange() != null ? o.toChange() : t.change(0);
        if (t.changes().size() > (o.toChange() != null ? 0 : 1)) {
            ctx.out().warn("Too many changes specified; deploying to \"" + change + "\"");
        }
        boolean verify = EngineTargets.bool(ctx, o.verify(), false, "deploy.verify");
        EngineOptions options = new EngineOptions(verify, o.logOnly(), timeout(o.lockTimeout()), true, true,
                t.variables(ctx, List.of("core.variables", "deploy.variables"), o.set()));
        try (Engine engine = t.engine(ctx, options)) {
            engine.deploy(change, mode, o.atomic());
        }
        return CommandResult.ok();
    }

    static Duration timeout(Integer seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
