package io.sqlitch.maven;

import io.sqlitch.command.CommandResult;
import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.command.CommandContext;
import io.sqlitch.command.GraphCommand;
import io.sqlitch.console.Output;
import io.sqlitch.graph.HtmlReport;
import io.sqlitch.graph.PlanGraph;
import io.sqlitch.target.Target;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The Maven site report of the plan (not a Sqitch command): the target's status, the pending changes and the
 * dependency graph. In {@code <reporting>} it is a page of {@code mvn site}; run as a goal it writes
 * {@code sqlitch.html} into the report directory. Reads the registry read-only.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractSqlitchMojo implements MavenReport {

    private static final String OUTPUT_NAME = "sqlitch";

    /**
     * The target whose status the report shows (a target name or a URI such as {@code db:sqlite:flipr_test.db});
     * without one, the default target.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    /**
     * Where {@code sqlitch.html} goes when the goal runs on its own ({@code mvn site} sets its own directory).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.reportDirectory", defaultValue = "${project.reporting.outputDirectory}")
    private File reportDirectory;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        new GraphCommand(ctx).report(target, directory().resolve(OUTPUT_NAME + ".html"));
        return CommandResult.ok();
    }

    private PlanGraph graph(RunContext context, Output out) {
        return new GraphCommand(commandContext(context, out, null)).graph(target, true);
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        resolveForSite();
        RunContext context = runContext();
        String body;
        try {
            body = HtmlReport.body(graph(context, new MavenOutput(getLog(), quiet)));
        } catch (SqitchException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.rawText(body);
        sink.body_();
        sink.flush();
        sink.close();
    }

    /** Not when skipped, nor in a module without a plan (a reactor's parent, say). */
    @Override
    public boolean canGenerateReport() throws MavenReportException {
        resolveForSite();
        if (skip || userSwitch("sqlitch.report.skip")) {
            return false;
        }
        try {
            CommandContext ctx = commandContext(runContext(), new MavenOutput(getLog(), true), null);
            Target t = ctx.target(target);
            return Files.exists(ctx.path(t.planFile()));
        } catch (SqitchException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    // mvn site calls generate without execute, so -D over the pom is applied here (once) as execute would.
    private boolean resolved;

    private void resolveForSite() {
        if (!resolved && mojoExecution != null && session != null) {
            ParameterResolver.apply(this, mojoExecution, session.getUserProperties());
            resolved = true;
        }
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "Sqitch plan";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The database changes of the Sqitch plan: status, pending changes and dependency graph.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        reportDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return directory().toFile();
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    private Path directory() {
        String dir = reportDirectory == null ? null : reportDirectory.getPath();
        return baseDirectory().resolve(dir == null ? "target/site" : dir);
    }
}
