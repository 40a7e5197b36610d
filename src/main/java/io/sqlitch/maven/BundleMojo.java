package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.BundleCommand;
import io.sqlitch.command.BundleOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch bundle}: copies the configuration, plan and scripts into a directory for distribution. */
@Mojo(name = "bundle", threadSafe = true)
public class BundleMojo extends AbstractDatabaseMojo {

    /**
     * {@code --dest-dir}: where to bundle (default {@code bundle}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.destDir")
    private String destDir;

    /**
     * {@code --from}: the first change to bundle.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.from")
    private String from;

    /**
     * {@code --to}: the last change to bundle.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.to")
    private String to;

    /**
     * {@code --all}: bundle every target's plan.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.all", defaultValue = "false")
    private boolean all;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new BundleCommand(ctx).execute(new BundleOptions(destDir,
                from, to, all, targetArgs()));
    }
}
