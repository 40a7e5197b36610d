package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.VerifyCommand;
import io.sqlitch.command.VerifyOptions;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code sqitch verify}: runs the verify scripts of the deployed changes. */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractRangeMojo {

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new VerifyCommand(ctx).execute(new VerifyOptions(targetArgs(), null,
                fromChange, toChange, variables()));
    }
}
