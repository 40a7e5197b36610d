package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.console.Output;
import io.sqlitch.command.PreviewCommand;
import io.sqlitch.command.RebaseCommand;
import io.sqlitch.command.RebaseOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch rebase}: reverts to a change, then deploys again. A batch build must confirm with {@code -Dsqlitch.yes}. */
@Mojo(name = "rebase", threadSafe = true)
public class RebaseMojo extends AbstractChangingMojo {

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

    /**
     * {@code --mode}: {@code all} (default), {@code tag} or {@code change}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.mode")
    private String mode;

    /**
     * {@code --verify}/{@code --no-verify} (default: {@code rebase.verify}, then {@code deploy.verify}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.verify")
    private Boolean verify;

    /**
     * {@code -y}: revert without asking.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.yes")
    private Boolean yes;

    /**
     * {@code --set-revert name=value}: variables for the revert scripts only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.setRevert")
    private List<String> setRevert;

    /**
     * {@code --set-deploy name=value}: variables for the deploy scripts only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.setDeploy")
    private List<String> setDeploy;

    @Override
    protected void run(RunContext context, Output out) {
        RebaseOptions options = new RebaseOptions(targetArgs(), null,
                ontoChange, uptoChange,
                modified, mode,
                verify, yes, logOnly(),
                lockTimeout(), variables(),
                KeyValues.parse("sqlitch.setRevert", listOf(setRevert)),
                KeyValues.parse("sqlitch.setDeploy", listOf(setDeploy)));
        if (preview()) {
            new PreviewCommand(commandContext(context, out, null)).rebase(options, previewFile());
            return;
        }
        new RebaseCommand(commandContext(context, out, null)).execute(options);
    }
}
