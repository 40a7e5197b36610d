package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.command.Output;
import io.sqlitch.command.ReworkCommand;
import io.sqlitch.command.ReworkOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch rework}: duplicates a tagged change for rework, keeping the old scripts as {@code name@tag}. */
@Mojo(name = "rework", threadSafe = true)
public class ReworkMojo extends AbstractSqlitchMojo {

    /**
     * The change to rework (Sqitch's positional argument or {@code --change}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.change")
    private String change;

    /**
     * {@code --requires}: further changes the new instance requires.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.requires")
    private List<String> requires;

    /**
     * {@code --conflicts}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.conflicts")
    private List<String> conflicts;

    /**
     * {@code --note}: one value.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.note")
    private String note;

    /**
     * Several {@code --note} paragraphs (pom only).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> notes;

    /**
     * {@code --all}: rework in the plans of every target.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.all", defaultValue = "false")
    private boolean all;

    @Override
    protected void run(RunContext context, Output out) {
        new ReworkCommand(commandContext(context, out, null)).execute(new ReworkOptions(str("sqlitch.change", change),
                list("sqlitch.requires", requires), list("sqlitch.conflicts", conflicts),
                AuthoringSupport.notes(str("sqlitch.note", note), notes), bool("sqlitch.all", all), List.of()));
    }
}
