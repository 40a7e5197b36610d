package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.LogCommand;
import io.sqlitch.command.LogOptions;
import io.sqlitch.command.LogReport;
import io.sqlitch.json.Reports;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch log}: shows the database's deploy, revert and fail events. */
@Mojo(name = "log", threadSafe = true)
public class LogMojo extends AbstractHistoryMojo {

    /**
     * The database: a target name or URI (Sqitch's positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    /**
     * {@code --event}: only these events ({@code deploy}, {@code revert}, {@code fail}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.event")
    private List<String> event;

    /**
     * {@code --project-pattern}: only projects matching this regular expression.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.projectPattern")
    private String projectPattern;

    /**
     * {@code --committer-pattern}: only committers matching this regular expression.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.committerPattern")
    private String committerPattern;

    /**
     * Also write the events shown as JSON to this file (every field of each event); relative to the project's base
     * directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.jsonFile")
    private File jsonFile;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        CommandResult<LogReport> result = new LogCommand(ctx).execute(listing(LogOptions.builder())
                .args(positional(target)).events(listOf(event)).projectPattern(projectPattern)
                .committerPattern(committerPattern).build());
        writeJson(jsonFile, Reports.log(result.value().target().destination(), result.value().events()));
        return result;
    }
}
