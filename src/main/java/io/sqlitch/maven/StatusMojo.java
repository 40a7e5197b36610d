package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.StatusCommand;
import io.sqlitch.command.StatusOptions;
import io.sqlitch.command.StatusReport;
import io.sqlitch.json.Reports;
import io.sqlitch.registry.DeployedChange;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch status}: shows the database's current deployment status against the plan. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDatabaseMojo {

    /**
     * {@code --project}: the project to report on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.project")
    private String projectName;

    /**
     * {@code --show-changes}: list the deployed changes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.showChanges")
    private Boolean showChanges;

    /**
     * {@code --show-tags}: list the deployed tags.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.showTags")
    private Boolean showTags;

    /**
     * {@code --date-format}: {@code iso} (default), {@code raw}, {@code rfc}, ...
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dateFormat")
    private String dateFormat;

    /**
     * Also write the status as JSON to this file (project, current change, undeployed changes); relative to the
     * project's base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.jsonFile")
    private File jsonFile;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        CommandResult<StatusReport> result = new StatusCommand(ctx).execute(StatusOptions.builder()
                .args(targetArgs()).project(projectName).showChanges(showChanges).showTags(showTags)
                .dateFormat(dateFormat).build());
        // The build properties and the JSON file, also after a soft "No changes deployed".
        StatusReport report = result.value();
        publishDeployed(report.current().map(DeployedChange::name).orElse(""), report.currentTag());
        writeJson(jsonFile, Reports.status(report));
        return result;
    }
}
