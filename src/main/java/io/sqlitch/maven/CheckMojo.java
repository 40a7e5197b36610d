package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.CheckCommand;
import io.sqlitch.command.CheckOptions;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code sqitch check}: compares the deployed changes' script signatures with the plan's scripts. */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractRangeMojo {

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        // Sqitch exits with the number of failed checks: an exception, so one failure (exit 1) fails the build too.
        return new CheckCommand(ctx).execute(new CheckOptions(target, fromChange, toChange));
    }
}
