package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.PlanCommand;
import io.sqlitch.command.PlanOptions;
import io.sqlitch.command.PlanReport;
import io.sqlitch.json.Reports;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch plan}: shows the changes in the plan. */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractHistoryMojo {

    /**
     * {@code --target}: the target whose plan to show.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    /**
     * {@code --event}: {@code deploy} or {@code revert} lines only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.event")
    private String event;

    /**
     * {@code --planner-pattern}: only changes whose planner matches this regular expression.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.plannerPattern")
    private String plannerPattern;

    /**
     * Also write the changes shown as JSON to this file (id, name, tags, requires, conflicts, planner, date, note);
     * relative to the project's base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.jsonFile")
    private File jsonFile;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        CommandResult<PlanReport> result = new PlanCommand(ctx).execute(listing(PlanOptions.builder())
                .target(target).event(event).plannerPattern(plannerPattern).build());
        writeJson(jsonFile, Reports.plan(result.value().plan(), result.value().changes()));
        return result;
    }
}
