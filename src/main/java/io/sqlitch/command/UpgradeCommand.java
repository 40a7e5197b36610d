package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.target.Target;

/** {@code sqitch upgrade}: brings the target's registry schema up to the latest release. */
public final class UpgradeCommand {

    private final CommandContext ctx;

    public UpgradeCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    public void execute(UpgradeOptions options) {
        Target target = EngineTargets.parse(ctx, "upgrade", options.target(), options.args(), "using").target();
        if (target.registryFile(ctx.run().directory()).isEmpty()) {
            // Sqitch would "upgrade" a throw-away private database, then die: refuse before pretending.
            throw new SqitchException("No database specified for " + target.destination());
        }
        try (TargetRegistry reg = TargetRegistry.open(ctx, target, null)) {
            RegistrySchema schema = reg.schema();
            if (schema.needsUpgrade()) {
                ctx.out().info("Upgrading registry " + target.registryDestination() + " to version "
                        + RegistrySchema.RELEASE);
                schema.upgrade(TargetRegistry.user(ctx), ctx.out()::info);
            } else {
                ctx.out().info("Registry " + target.registryDestination() + " is up-to-date at version "
                        + RegistrySchema.RELEASE);
            }
        }
    }
}
