package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.command.CheckoutCommand;
import io.sqlitch.command.CheckoutOptions;
import io.sqlitch.command.PreviewCommand;
import io.sqlitch.console.Output;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sqitch checkout}: reverts to the last change common with another VCS branch, checks that branch out with
 * {@code git}, and deploys its plan. A batch build must confirm with {@code -Dsqlitch.yes}.
 */
@Mojo(name = "checkout", threadSafe = true)
public class CheckoutMojo extends AbstractChangingMojo {

    /**
     * The branch to check out (Sqitch's positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.branch")
    private String branch;

    /**
     * {@code --mode}: {@code all} (default), {@code tag} or {@code change}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.mode")
    private String mode;

    /**
     * {@code --verify}/{@code --no-verify}.
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
        List<String> args = new ArrayList<>(targetArgs());
        String b = branch;
        if (b != null) {
            args.add(b);
        }
        CheckoutOptions options = new CheckoutOptions(args, null,
                mode, verify, yes,
                logOnly(), lockTimeout(), variables(),
                KeyValues.parse("sqlitch.setRevert", listOf(setRevert)),
                KeyValues.parse("sqlitch.setDeploy", listOf(setDeploy)));
        if (preview()) {
            new PreviewCommand(commandContext(context, out, null)).checkout(options, previewFile());
            return;
        }
        new CheckoutCommand(commandContext(context, out, null)).execute(options);
    }
}
