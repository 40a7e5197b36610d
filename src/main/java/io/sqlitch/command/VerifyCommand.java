package io.sqlitch.command;

import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/** {@code sqitch verify}: runs the verify scripts of the deployed changes and reports. */
public final class VerifyCommand implements Command<VerifyOptions, Void> {

    private final CommandContext ctx;

    public VerifyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(VerifyOptions o) {
        EngineTargets t = EngineTargets.parse(ctx, "verify", o.target(), o.args());
        List<String> rest = new ArrayList<>(t.changes());
        String from = o.fromChange() != null ? o.fromChange() : rest.isEmpty() ? null : rest.remove(0);
        String to = o.toChange() != null ? o.toChange() : rest.isEmpty() ? null : rest.remove(0);
        if (!rest.isEmpty()) {
            ctx.out().warn("Too many changes specified; verifying from \"" + from + "\" to \"" + to + "\"");
        }
        EngineOptions options = EngineOptions.defaults().withVariables(
                t.variables(ctx, List.of("core.variables", "deploy.variables", "verify.variables"), o.set()));
        try (Engine engine = t.engine(ctx, options)) {
            engine.verify(from, to);
        }
        return CommandResult.ok();
    }
}
