package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.EngineCommand;
import io.sqlitch.command.TargetProperties;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch engine}: lists, adds, alters, removes and shows engine settings in {@code sqitch.conf}. */
@Mojo(name = "engine", requiresProject = false, threadSafe = true)
public class EngineMojo extends AbstractTargetConfigMojo {

    /**
     * The engine's target, a name or a URI (positional for {@code add}, {@code --target} for {@code alter}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    @Override
    protected String addArgument() {
        return target;
    }

    @Override
    protected TargetProperties properties(String extension, Map<String, String> dirs, Map<String, String> variables) {
        String alterTarget = "add".equals(action()) ? null : target;
        return new TargetProperties(null, alterTarget, registry, client,
                topDir, planFile, extension, dirs, variables);
    }

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new EngineCommand(ctx).execute(options());
    }
}
