package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.ReworkCommand;
import io.sqlitch.command.ReworkOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code sqitch rework}: duplicates a tagged change for rework, keeping the old scripts as {@code name@tag}. */
@Mojo(name = "rework", threadSafe = true)
public class ReworkMojo extends AbstractChangeAuthoringMojo {

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new ReworkCommand(ctx).execute(authoring(ReworkOptions.builder()).build());
    }
}
