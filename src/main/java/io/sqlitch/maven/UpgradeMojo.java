package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.UpgradeCommand;
import io.sqlitch.command.UpgradeOptions;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code sqitch upgrade}: brings a registry of an older Sqitch release up to the current one (1.1). */
@Mojo(name = "upgrade", threadSafe = true)
public class UpgradeMojo extends AbstractDatabaseMojo {

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new UpgradeCommand(ctx).execute(new UpgradeOptions(target));
    }
}
