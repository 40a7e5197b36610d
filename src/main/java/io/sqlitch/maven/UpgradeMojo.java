package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.console.Output;
import io.sqlitch.command.UpgradeCommand;
import io.sqlitch.command.UpgradeOptions;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code sqitch upgrade}: brings a registry of an older Sqitch release up to the current one (1.1). */
@Mojo(name = "upgrade", threadSafe = true)
public class UpgradeMojo extends AbstractDatabaseMojo {

    @Override
    protected void run(RunContext context, Output out) {
        new UpgradeCommand(commandContext(context, out, null)).execute(new UpgradeOptions(target));
    }
}
