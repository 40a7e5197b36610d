package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.PreviewCommand;
import io.sqlitch.command.RebaseCommand;
import io.sqlitch.command.RebaseOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch rebase}: reverts to a change, then deploys again. A batch build must confirm with {@code -Dsqlitch.yes}. */
@Mojo(name = "rebase", threadSafe = true)
public class RebaseMojo extends AbstractRevertDeployMojo {

    /**
     * {@code --onto-change}: revert the changes after this one (default: all).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.ontoChange")
    private String ontoChange;

    /**
     * {@code --upto-change}: then deploy up to this change (default: the whole plan).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.uptoChange")
    private String uptoChange;

    /**
     * {@code -m/--modified}: revert to the last deployed change whose deploy script is unchanged since it was
     * deployed, then deploy again (instead of {@code ontoChange}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.modified", defaultValue = "false")
    private boolean modified;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        RebaseOptions options = revertDeploy(RebaseOptions.builder()).ontoChange(ontoChange)
                .uptoChange(uptoChange).modified(modified).build();
        if (preview()) {
            new PreviewCommand(ctx).rebase(options, previewFile());
            return CommandResult.ok();
        }
        return new RebaseCommand(ctx).execute(options);
    }
}
