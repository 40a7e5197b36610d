package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.console.Output;
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
    protected void run(RunContext context, Output out) {
        new VerifyCommand(commandContext(context, out, null)).execute(new VerifyOptions(targetArgs(), null,
                fromChange, toChange, variables()));
    }
}
