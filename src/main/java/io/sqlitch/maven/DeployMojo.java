package io.sqlitch.maven;

import io.sqlitch.command.CommandResult;
import io.sqlitch.command.CommandContext;
import io.sqlitch.command.DeployCommand;
import io.sqlitch.command.DeployOptions;
import io.sqlitch.command.PreviewCommand;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sqitch deploy}: deploys the plan's changes to the database. Bound to {@code pre-integration-test}, so an
 * execution deploys a fresh database before the integration tests run.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class DeployMojo extends AbstractPreviewMojo {

    /**
     * {@code --to-change}: deploy up to and including this change (default: the whole plan).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.toChange")
    private String toChange;

    /**
     * {@code --mode}: what to revert when a change fails: {@code all} (default), {@code tag} or {@code change}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.mode")
    private String mode;

    /**
     * {@code --verify}/{@code --no-verify}: run each change's verify script (default: {@code deploy.verify}, else
     * false).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.verify")
    private Boolean verify;

    /**
     * Deploy every pending change in ONE transaction: on failure nothing of this run remains (a {@code fail} event
     * is still logged). Refused before anything is written when a script has its own transaction statements other
     * than one BEGIN…COMMIT around everything. Not a Sqitch option.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.atomic", defaultValue = "false")
    private boolean atomic;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        DeployOptions options = changing(DeployOptions.builder()).toChange(toChange).mode(mode).verify(verify)
                .atomic(atomic).build();
        if (preview()) {
            new PreviewCommand(ctx).deploy(options, previewFile());
            return CommandResult.ok(); // it deployed nothing: no build properties (reading could create the registry)
        }
        CommandResult<Void> result = new DeployCommand(ctx).execute(options);
        // The deploy's context, reused so the build properties cost no second config read and plan parse.
        publishDeployed(ctx, target);
        return result;
    }
}
