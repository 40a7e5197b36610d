package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.InitCommand;
import io.sqlitch.command.InitOptions;
import io.sqlitch.command.TargetProperties;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch init}: creates {@code sqitch.conf}, the plan and the script directories of a new project. */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractLayoutMojo {

    /**
     * The project name (Sqitch's positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.project")
    private String projectName;

    /**
     * {@code --uri}: the project's URI, written as {@code %uri}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.uri")
    private String uri;

    /**
     * {@code --target}: the default target, a name or a {@code db:sqlite:} URI.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new InitCommand(ctx).execute(InitOptions.builder().project(projectName).uri(uri).engine(engine)
                .properties(TargetProperties.builder().target(target).registry(registry).client(client).topDir(topDir)
                        .planFile(planFile).extension(extension()).dirs(dirs()).variables(layoutVariables()).build())
                .build());
    }
}
