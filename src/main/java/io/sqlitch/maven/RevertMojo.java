package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.PreviewCommand;
import io.sqlitch.command.RevertCommand;
import io.sqlitch.command.RevertOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch revert}: reverts deployed changes. A batch build must confirm with {@code -Dsqlitch.yes}. */
@Mojo(name = "revert", threadSafe = true)
public class RevertMojo extends AbstractPreviewMojo {

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

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        RevertOptions options = changing(RevertOptions.builder()).toChange(toChange).modified(modified)
                .noPrompt(yes).build();
        if (preview()) {
            new PreviewCommand(ctx).revert(options, previewFile());
            return CommandResult.ok();
        }
        return new RevertCommand(ctx).execute(options);
    }
}
