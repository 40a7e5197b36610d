package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.command.Output;
import io.sqlitch.command.StatusCommand;
import io.sqlitch.command.StatusOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch status}: shows the database's current deployment status against the plan. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDatabaseMojo {

    /** {@code --project}: the project to report on. @since 0.1.0 */
    @Parameter(property = "sqlitch.project")
    private String projectName;

    /** {@code --show-changes}: list the deployed changes. @since 0.1.0 */
    @Parameter(property = "sqlitch.showChanges")
    private Boolean showChanges;

    /** {@code --show-tags}: list the deployed tags. @since 0.1.0 */
    @Parameter(property = "sqlitch.showTags")
    private Boolean showTags;

    /** {@code --date-format}: {@code iso} (default), {@code raw}, {@code rfc}, ... @since 0.1.0 */
    @Parameter(property = "sqlitch.dateFormat")
    private String dateFormat;

    @Override
    protected void run(RunContext context, Output out) {
        new StatusCommand(commandContext(context, out, null)).execute(new StatusOptions(str("sqlitch.target", target),
                str("sqlitch.project", projectName), flag("sqlitch.showChanges", showChanges),
                flag("sqlitch.showTags", showTags), str("sqlitch.dateFormat", dateFormat)));
    }
}
