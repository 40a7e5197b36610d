package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.VerifyCommand;
import io.sqlitch.command.VerifyOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch verify}: runs the verify scripts of the deployed changes. */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractDatabaseMojo {

    /**
     * {@code --from-change}: the first change to verify.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.fromChange")
    private String fromChange;

    /**
     * {@code --to-change}: the last change to verify.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.toChange")
    private String toChange;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new VerifyCommand(ctx).execute(new VerifyOptions(targetArgs(), null,
                fromChange, toChange, variables()));
    }
}
