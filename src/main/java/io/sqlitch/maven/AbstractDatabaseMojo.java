package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.command.CommandContext;
import io.sqlitch.console.Output;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import io.sqlitch.command.StatusCommand;
import io.sqlitch.registry.DeployedChange;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that work on a database: a target, and Sqitch's {@code --set} variables for the scripts. */
abstract class AbstractDatabaseMojo extends AbstractSqlitchMojo {

    /**
     * The database: a target name from {@code sqitch.conf} or a URI such as {@code db:sqlite:flipr_test.db}
     * (Sqitch's positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    protected String target;

    /**
     * {@code --set name=value}: variables substituted as {@code ${name}} in the SQL scripts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.set")
    protected List<String> set;

    /**
     * Print a summary line, which Sqitch does not: {@code Deployed 3 changes in 0.42 s} after deploy (likewise
     * revert, verify, rebase, checkout), {@code 2 changes undeployed} after status. Not a Sqitch option.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.summary", defaultValue = "false")
    private boolean summary;

    @Override
    protected boolean summary() {
        return summary;
    }

    /**
     * Sqitch's {@code -v} count: {@code 2} is {@code -vv}, which shows the verify scripts' output ({@code true}:
     * 1, Sqitch's default); default: {@code core.verbosity}, else 1.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.verbose")
    protected String verbose;

    @Override
    protected CommandContext commandContext(RunContext context, Output out, String target) {
        return super.commandContext(context, out, target).withVerbosity(verbosity());
    }

    private Integer verbosity() {
        String v = verbose;
        if (v == null) {
            return null;
        }
        v = v.strip();
        if (v.isEmpty() || v.equals("true")) {
            return 1;
        }
        if (v.equals("false")) {
            return null;
        }
        if (!v.matches("\\d{1,2}")) {
            throw new SqitchException("sqlitch.verbose must be a count (0, 1, 2, ...), not \"" + v + "\"");
        }
        return Integer.parseInt(v);
    }

    /** The target as Sqitch's positional argument, so its messages are the positional ones. */
    protected List<String> targetArgs() {
        return positional(target);
    }

    protected Map<String, String> variables() {
        return KeyValues.parse("sqlitch.set", listOf(set));
    }

    /** Publishes the current change of {@code target} (null: the default target) as the build properties. */
    protected void publishDeployed(CommandContext ctx, String target) {
        Optional<DeployedChange> current = new StatusCommand(ctx).currentState(target == null || target.isEmpty()
                ? null : target);
        publishDeployed(current.map(DeployedChange::name).orElse(""),
                current.map(c -> c.tags().isEmpty() ? "" : c.tags().get(c.tags().size() - 1)).orElse(""));
    }

    /** The step's deploy, revert or verify script as Sqitch names it, from the target's plan; null when unknown. */
    @Override
    protected String scriptOf(FailureRecorder.ChangeStep step) {
        try {
            RunContext context = runContext();
            CommandContext ctx = commandContext(context, SILENT, null);
            Target t = ctx.target(target);
            ScriptFiles files = new ScriptFiles(t, context.directory());
            return ctx.plan(t).find(step.specifier()).map(change -> switch (step.bullet()) {
                case '-' -> files.revert(change);
                case '*' -> files.verify(change);
                default -> files.deploy(change);
            }).orElse(null);
        } catch (RuntimeException e) {
            return null; // best effort: the message is still Sqitch's without the script
        }
    }

    private static final Output SILENT = new Output() {
        @Override
        public void info(String line) {
        }

        @Override
        public void emit(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void vent(String line) {
        }
    };
}
