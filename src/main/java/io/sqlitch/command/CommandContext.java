package io.sqlitch.command;

import io.sqlitch.console.Prompter;
import io.sqlitch.console.Output;
import io.sqlitch.RunContext;
import io.sqlitch.config.Identity;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.target.Targets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One command run's view of the world, as Sqitch's {@code App::Sqitch} object is: the process, the merged
 * configuration, the global target options ({@code --plan-file}, {@code --registry}, ...), the identity, and where
 * output and questions go. Configuration, identity and plans are loaded once, on first use. Not thread-safe: one
 * instance per command run.
 */
public final class CommandContext {

    private final RunContext run;
    private final TargetOptions options;
    private final Output out;
    private final Prompter prompter;
    private SqitchConfig config;
    private Identity identity;
    private Targets targets;
    private final Map<Path, Plan> plans = new HashMap<>();
    private Integer verbosity;

    public CommandContext(RunContext run, TargetOptions options, Output out, Prompter prompter) {
        this.run = run;
        this.options = options == null ? TargetOptions.none() : options;
        this.out = out;
        this.prompter = prompter;
    }

    public RunContext run() {
        return run;
    }

    public TargetOptions options() {
        return options;
    }

    public Output out() {
        return out;
    }

    public Prompter prompter() {
        return prompter;
    }

    /** {@code -v} given this many times (null: not given); returns this context. */
    public CommandContext withVerbosity(Integer count) {
        this.verbosity = count;
        return this;
    }

    /** Sqitch's verbosity: the {@code -v} count, else {@code core.verbosity}, else 1. */
    public int verbosity() {
        if (verbosity != null) {
            return verbosity;
        }
        String configured = config().get("core.verbosity").orElse("").strip();
        return configured.matches("\\d+") ? Integer.parseInt(configured) : 1;
    }

    public SqitchConfig config() {
        if (config == null) {
            config = SqitchConfig.load(run);
        }
        return config;
    }

    /** The user as Sqitch finds them: planner of new plan entries, committer of registry rows. */
    public Identity identity() {
        if (identity == null) {
            identity = Identity.resolve(run, config());
        }
        return identity;
    }

    public Targets targets() {
        if (targets == null) {
            targets = new Targets(config(), run);
        }
        return targets;
    }

    /** The target the options and configuration name (Sqitch's default target). */
    public Target target() {
        return targets().resolve(options);
    }

    /** The target named by a positional argument or option (a target name or a {@code db:} URI); null: the default. */
    public Target target(String nameOrUri) {
        return nameOrUri == null || nameOrUri.isEmpty() ? target() : targets().named(nameOrUri, options);
    }

    /** The target's plan, parsed once per file. */
    public Plan plan(Target target) {
        Path file = path(target.planFile());
        return plans.computeIfAbsent(file, f -> PlanParser.parseFile(f, target.planFile()));
    }

    /** Forgets a parsed plan after the command rewrote its file. */
    public void planChanged(Target target) {
        plans.remove(path(target.planFile()));
    }

    /** A path as Sqitch displays it ({@code deploy/users.sql}), resolved against the working directory. */
    public Path path(String display) {
        return Target.resolve(run.directory(), display);
    }
}
