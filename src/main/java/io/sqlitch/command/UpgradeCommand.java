package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.target.Target;

/** {@code sqitch upgrade}: brings the target's registry schema up to the latest release. */
public final class UpgradeCommand implements Command<UpgradeOptions, Void> {

    private final CommandContext ctx;

    public UpgradeCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(UpgradeOptions options) {
        Target target = EngineTargets.parse(ctx, "upgrade", options.target(), options.args(), "using").target();
        if (!java.util.Set.of("pg", "cockroach").contains(target.engine().orElse(""))
                && target.registryFile(ctx.run().directory()).isEmpty()) {
            // Sqitch would "upgrade" a throw-away private database, then die: refuse before pretending.
            throw new SqitchException("No database specified for " + target.destination());
        }
        try (ReportReads reg = ReportReads.open(ctx, target)) {
            reg.upgrade(TargetRegistry.user(ctx), ctx.out()::info);
        }
        return CommandResult.ok();
    }
}
