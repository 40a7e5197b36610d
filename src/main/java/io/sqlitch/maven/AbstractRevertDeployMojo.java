package io.sqlitch.maven;

import io.sqlitch.command.RevertDeployBuilder;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that revert, then deploy (rebase, checkout): Sqitch's {@code RevertDeployCommand} options. */
abstract class AbstractRevertDeployMojo extends AbstractPreviewMojo {

    /**
     * {@code --mode}: {@code all} (default), {@code tag} or {@code change}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.mode")
    private String mode;

    /**
     * {@code --verify}/{@code --no-verify} (default: {@code rebase.verify} or {@code checkout.verify}, then
     * {@code deploy.verify}).
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

    /** The options rebase and checkout give alike, over those of every changing goal. */
    protected <B extends RevertDeployBuilder<B>> B revertDeploy(B options) {
        return changing(options).mode(mode).verify(verify).noPrompt(yes)
                .setRevert(KeyValues.parse("sqlitch.setRevert", listOf(setRevert)))
                .setDeploy(KeyValues.parse("sqlitch.setDeploy", listOf(setDeploy)));
    }
}
