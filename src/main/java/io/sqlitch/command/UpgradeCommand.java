package io.sqlitch.command;

import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.target.Target;

/** {@code sqitch upgrade}: brings the target's registry schema up to the latest release. */
public final class UpgradeCommand {

    private final CommandContext ctx;

    public UpgradeCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    public void execute(UpgradeOptions options) {
        Target target = ctx.target(options.target());
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
