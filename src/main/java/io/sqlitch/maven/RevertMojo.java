package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import java.io.File;
import io.sqlitch.command.PreviewCommand;
import io.sqlitch.command.RevertCommand;
import io.sqlitch.command.RevertOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch revert}: reverts deployed changes. A batch build must confirm with {@code -Dsqlitch.yes}. */
@Mojo(name = "revert", threadSafe = true)
public class RevertMojo extends AbstractChangingMojo {

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
     * Preview only (not a Sqitch option): print each change this goal would revert, newest first, and the script
     * it would run, variables substituted, writing nothing (no database, registry or lock file); fails as the real goal would
     * on what it checks before running scripts (an unknown or undeployed change); asks nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Preview only, as {@code dryRun}, and also write the preview as one SQL file (a comment naming each change,
     * then its script); relative to the project's base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dryRunFile")
    private File dryRunFile;

    private boolean preview() {
        return dryRun || projectFile(dryRunFile) != null;
    }

    // A preview changes nothing, so "Deployed 0 changes" would mislead.
    @Override
    protected boolean summary() {
        return !preview() && super.summary();
    }

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        RevertOptions options = changing(RevertOptions.builder()).toChange(toChange).modified(modified)
                .noPrompt(yes).build();
        if (preview()) {
            new PreviewCommand(ctx).revert(options, projectFile(dryRunFile));
            return CommandResult.ok();
        }
        return new RevertCommand(ctx).execute(options);
    }
}
