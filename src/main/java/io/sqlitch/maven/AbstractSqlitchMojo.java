package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.console.Output;
import io.sqlitch.console.Prompter;
import io.sqlitch.json.JsonWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.sqlitch.target.TargetOptions;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: Sqitch's global options, the {@code -D} over pom precedence, skipping, and the mapping
 * of a command's output and failures to Maven. A goal only turns its parameters into a command call.
 */
public abstract class AbstractSqlitchMojo extends AbstractMojo {

    /**
     * The directory Sqitch runs in (its {@code --chdir}): where {@code sqitch.conf} is read and relative paths
     * resolve.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.chdir", defaultValue = "${project.basedir}")
    protected File chdir;

    /**
     * Skips every sqlitch goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Sqitch's {@code --quiet}: only results and errors are printed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.quiet", defaultValue = "false")
    protected boolean quiet;

    /**
     * Sqitch's {@code --plan-file}: the plan file to read instead of the configured one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.planFile")
    protected String planFile;

    /**
     * Sqitch's {@code --top-dir}: the directory holding the plan and the script directories.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.topDir")
    protected String topDir;

    /**
     * Sqitch's {@code --registry}: the registry name or file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.registry")
    protected String registry;

    /**
     * Sqitch's {@code --client}. On PostgreSQL a client given here or in the configuration (even {@code psql})
     * runs every script as Sqitch runs psql; with none, scripts run in-process. SQLite scripts always run in-process.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.client")
    protected String client;

    /**
     * Sqitch's {@code --engine}. Only {@code sqlite} is supported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.engine")
    protected String engine;

    /**
     * Sqitch's {@code --db-name}: the database file, overriding the target URI's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dbName")
    protected String dbName;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String goal = mojoExecution.getGoal();
        FailureRecorder out = null;
        try {
            KnownProperties.of(mojoExecution.getMojoDescriptor()).warnings(userProperties()).forEach(getLog()::warn);
            ParameterResolver.apply(this, mojoExecution, userProperties());
            if (skip || userSwitch("sqlitch." + goal + ".skip")) {
                getLog().info("Skipping sqlitch:" + goal + " (sqlitch.skip or sqlitch." + goal + ".skip is set)");
                return;
            }
            RunContext context = runContext();
            if (needsPlan() && !hasProject(context) && inMultiModuleReactor()) {
                getLog().info("Skipping sqlitch:" + goal + ": no sqitch.plan in " + context.directory());
                return;
            }
            SqliteNativeLibrary.load(SqliteNativeLibrary.defaultCacheRoot(), getLog());
            boolean sqitchQuiet = quiet;
            ConsoleResults console = new ConsoleResults(new MavenOutput(getLog(), sqitchQuiet),
                    getLog().isInfoEnabled() ? null : ConsoleResults.processStdout(), goal, sqitchQuiet);
            ChangeSummary summary = new ChangeSummary(console, goal, summary(), System.nanoTime());
            out = new FailureRecorder(summary);
            CommandContext ctx = commandContext(context, out, null);
            report(run(ctx), ctx.out());
            summary.finish(System.nanoTime());
        } catch (SqitchException e) {
            String message = out == null ? FailureMessage.clean(e.getMessage())
                    : FailureMessage.of(e.getMessage(), out, this::scriptOf);
            throw new MojoFailureException(message, FailureMessage.cleanCopy(e));
        } catch (RuntimeException e) {
            // A bug or an environment failure, not a Sqitch message: one line here, the trace with -e.
            throw new MojoExecutionException("sqlitch:" + goal + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + FailureMessage.oneLine(e.getMessage())), e);
        }
    }

    /** A soft outcome prints its text and the goal succeeds; an error outcome fails it as Sqitch's errors do. */
    private static void report(CommandResult<?> result, Output out) {
        if (result.outcome() == CommandResult.Outcome.ERROR) {
            throw new SqitchException(result.message()); // failed without Sqitch's words: the result's are the error
        }
        if (result.isSoft()) {
            // A soft outcome's text is its stdout: "" is the one empty line of a missing config key.
            String text = result.message() == null ? "" : result.message();
            for (String line : text.isEmpty() ? new String[] {""} : text.split("\n")) {
                out.emit(line);
            }
        }
    }

    /** The script file of the change step a failure happened in, for the final error; null when unknown. */
    protected String scriptOf(FailureRecorder.ChangeStep step) {
        return null;
    }

    /** Whether to print the summary line after the command ({@code sqlitch.summary}, database goals only). */
    protected boolean summary() {
        return false;
    }

    /**
     * Calls the command over the run's context and hands its data to the build (JSON files, properties); the
     * result's outcome is the goal's.
     */
    protected abstract CommandResult<?> run(CommandContext ctx);

    /**
     * Sets the project properties {@code sqlitch.deployed.change} and {@code sqlitch.deployed.tag} (the current
     * change's name and its last tag, or empty strings) for plugins later in the build; nothing without a project.
     */
    protected void publishDeployed(String change, String tag) {
        if (project == null) {
            return;
        }
        project.getProperties().setProperty("sqlitch.deployed.change", change == null ? "" : change);
        project.getProperties().setProperty("sqlitch.deployed.tag", tag == null ? "" : tag);
    }

    /** The project's base directory; without a project, where Maven was started. */
    protected Path baseDirectory() {
        return project != null && project.getBasedir() != null ? project.getBasedir().toPath()
                : Path.of(session.getExecutionRootDirectory());
    }

    /** A file parameter resolved against the project's base directory; null when none is given. */
    protected Path projectFile(File configured) {
        if (configured == null || configured.getPath().isEmpty()) {
            return null;
        }
        return baseDirectory().resolve(configured.getPath());
    }

    /** Writes {@code json} to the {@code sqlitch.jsonFile} given ({@code -D} beats the pom); nothing when none is. */
    protected void writeJson(File configured, String json) {
        Path file = projectFile(configured);
        if (file == null) {
            return;
        }
        try {
            JsonWriter.write(file, json);
        } catch (IOException e) {
            throw new SqitchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().debug("Wrote " + file);
    }

    /** Whether the goal needs a Sqitch project; without one it logs a line and skips instead of failing the reactor. */
    protected boolean needsPlan() {
        return true;
    }

    /**
     * Whether the directory holds a Sqitch project. A plan or top directory named explicitly counts as one, so that
     * a wrong name is the command's error ({@code Plan file sqitch.pln does not exist}), never a skip.
     */
    private boolean hasProject(RunContext context) {
        if (planFile != null || topDir != null) {
            return true;
        }
        // The plan file may be configured anywhere; a sqitch.conf is as good a sign of a project as a plan.
        return Files.exists(context.resolve("sqitch.plan")) || Files.exists(context.resolve("sqitch.conf"))
                || context.env("SQITCH_CONFIG").isPresent();
    }

    /** Only a module of a multi-module build may lack a project politely; a single project gets Sqitch's error. */
    private boolean inMultiModuleReactor() {
        return session.getProjects() != null && session.getProjects().size() > 1;
    }

    protected RunContext runContext() {
        String dir = chdir == null ? null : chdir.getPath();
        Path directory = dir == null ? baseDirectory() : baseDirectory().resolve(dir);
        if (!Files.isDirectory(directory)) {
            // Sqitch's --chdir message (which it follows with a Perl trace).
            throw new SqitchException("Cannot change to directory " + dir + ": No such file or directory");
        }
        return RunContext.ofProcess(directory);
    }

    /** The command run's context, with Sqitch's global target options taken from this goal's parameters. */
    protected CommandContext commandContext(RunContext context, Output out, String target) {
        TargetOptions options = TargetOptions.builder().target(target).engine(engine).planFile(planFile)
                .topDir(topDir).registry(registry).client(client).dbName(dbName).build();
        return new CommandContext(context, options, out, prompter(out));
    }

    protected Prompter prompter(Output out) {
        return MavenPrompter.ofProcess(session.getRequest().isInteractiveMode(), out);
    }

    // Parameters are resolved once, by ParameterResolver (-D over the pom for command-line goals); mojos use fields.

    /** A switch that is no parameter ({@code sqlitch.<goal>.skip}): set, and not false. */
    protected boolean userSwitch(String property) {
        String user = userProperties().getProperty(property);
        return user != null && ParameterResolver.bool(property, user);
    }

    /** A single optional value as Sqitch's positional argument ({@code sqlitch.target}): none when empty. */
    protected static List<String> positional(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    /** A repeatable parameter's value, never null. */
    protected static List<String> listOf(List<String> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    private Properties userProperties() {
        return session.getUserProperties();
    }
}
