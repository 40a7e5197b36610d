package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.console.Output;
import io.sqlitch.command.ReworkCommand;
import io.sqlitch.command.ReworkOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code sqitch rework}: duplicates a tagged change for rework, keeping the old scripts as {@code name@tag}. */
@Mojo(name = "rework", threadSafe = true)
public class ReworkMojo extends AbstractChangeAuthoringMojo {

    @Override
    protected void run(RunContext context, Output out) {
        new ReworkCommand(commandContext(context, out, null)).execute(authoring(ReworkOptions.builder()).build());
    }
}
