package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.TargetCommand;
import io.sqlitch.command.TargetProperties;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch target}: lists, adds, alters, renames, removes and shows database targets in {@code sqitch.conf}. */
@Mojo(name = "target", requiresProject = false, threadSafe = true)
public class TargetMojo extends AbstractTargetConfigMojo {

    /**
     * The target's URI, e.g. {@code db:sqlite:flipr_test.db} (positional for {@code add}, {@code --uri} for {@code
     * alter}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.uri")
    private String uri;

    @Override
    protected String addArgument() {
        return uri;
    }

    @Override
    protected TargetProperties properties(String extension, Map<String, String> dirs, Map<String, String> variables) {
        String alterUri = "add".equals(action()) ? null : uri;
        return new TargetProperties(alterUri, null, registry, client,
                topDir, planFile, extension, dirs, variables);
    }

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new TargetCommand(ctx).execute(options());
    }
}
