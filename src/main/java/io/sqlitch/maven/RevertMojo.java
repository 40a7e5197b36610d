package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.command.Output;
import io.sqlitch.command.RevertCommand;
import io.sqlitch.command.RevertOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch revert}: reverts deployed changes. A batch build must confirm with {@code -Dsqlitch.yes}. */
@Mojo(name = "revert", threadSafe = true)
public class RevertMojo extends AbstractDatabaseMojo {

    /**
     * {@code --to-change}: revert the changes deployed after this one (default: all).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.toChange")
    private String toChange;

    /**
     * {@code -m/--modified}: revert to the last deployed change whose deploy script is unchanged since it was
     * deployed (instead of {@code toChange}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.modified", defaultValue = "false")
    private boolean modified;

    /**
     * {@code -y}: revert without asking.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.yes")
    private Boolean yes;

    /**
     * {@code --log-only}: record the reverts without running the scripts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.logOnly", defaultValue = "false")
    private boolean logOnly;

    /**
     * {@code --lock-timeout}: seconds to wait for another command on the same database (default 60).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.lockTimeout")
    private Integer lockTimeout;

    @Override
    protected void run(RunContext context, Output out) {
        new RevertCommand(commandContext(context, out, null)).execute(new RevertOptions(targetArgs(), null,
                str("sqlitch.toChange", toChange), bool("sqlitch.modified", modified), flag("sqlitch.yes", yes),
                bool("sqlitch.logOnly", logOnly),
                integer("sqlitch.lockTimeout", lockTimeout), variables()));
    }
}
