package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.CheckoutCommand;
import io.sqlitch.command.CheckoutOptions;
import io.sqlitch.command.PreviewCommand;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sqitch checkout}: reverts to the last change common with another VCS branch, checks that branch out with
 * {@code git}, and deploys its plan. A batch build must confirm with {@code -Dsqlitch.yes}.
 */
@Mojo(name = "checkout", threadSafe = true)
public class CheckoutMojo extends AbstractRevertDeployMojo {

    /**
     * The branch to check out (Sqitch's positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.branch")
    private String branch;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        List<String> args = new ArrayList<>(targetArgs());
        String b = branch;
        if (b != null) {
            args.add(b);
        }
        CheckoutOptions options = revertDeploy(CheckoutOptions.builder()).args(args).build();
        if (preview()) {
            new PreviewCommand(ctx).checkout(options, previewFile());
            return CommandResult.ok();
        }
        return new CheckoutCommand(ctx).execute(options);
    }
}
