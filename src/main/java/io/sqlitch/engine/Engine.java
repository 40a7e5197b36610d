package io.sqlitch.engine;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.console.Prompter;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.Identity;
import io.sqlitch.target.Target;
import java.util.Map;
import java.util.Optional;

/**
 * Sqitch's engine: deploy, revert and verify a target with Sqitch 1.3.1's algorithms, messages and registry rows,
 * so that Sqitch and this plugin can take turns on one database. The algorithms are here once
 * ({@link ChangeDeployer}, {@link AtomicDeploy}, {@link Reverter}, {@link Verifier}); what differs per database is
 * a {@link DatabaseEngine}.
 *
 * <p>Stronger than Sqitch, where the database offers it: a change whose script has no transaction statements, or
 * exactly one BEGIN…COMMIT around everything, runs its body and has its registry rows written in one transaction:
 * a crash never leaves a change applied but unrecorded, or recorded but not applied. Any other script runs as
 * Sqitch runs it (a client run of its own, then the registry rows in their own transaction). With {@code --verify},
 * the verify script runs inside that transaction; when it fails the whole transaction is rolled back, which undoes
 * the change exactly (Sqitch runs the revert script instead).
 *
 * <p>One instance per command: one session, the plan parsed once, the lock held from the first registry access
 * until {@link #close()}. Not thread-safe.
 */
public final class Engine implements AutoCloseable {

    private final EngineRun run;

    /**
     * @param run      the process (working directory, clock)
     * @param target   the resolved target
     * @param plan     its plan, parsed once by the caller
     * @param user     the committer of every registry row
     * @param out      where Sqitch's output goes
     * @param prompter asks the revert question
     * @param options  verify/log-only/lock timeout/prompt/variables
     * @param database opens the target's database engine
     */
    public Engine(RunContext run, Target target, Plan plan, io.sqlitch.config.Identity user, Output out,
                  Prompter prompter, EngineOptions options, DatabaseEngine.Opener database) {
        SupportedEngines.require(target);
        this.run = new EngineRun(run, target, plan, out, prompter, options);
        this.run.files.requireInside(plan.changes());
        EngineRun r = this.run;
        // Sqitch captures and drops a verify script's stdout unless -vv; either continues the current line.
        this.run.db = database.open(new DatabaseEngine.Session(run, target, new Identity(user.name(), user.email()),
                out, options, line -> r.progress.line(line),
                options.verbosity() > 1 ? line -> r.progress.line(line) : line -> { }));
    }

    /** Replaces the script variables (rebase: revert variables, then deploy variables). */
    public void useVariables(Map<String, String> variables) {
        run.options = run.options.withVariables(variables);
        run.db.useVariables(variables);
    }

    /**
     * Sqitch's {@code deploy}: deploys the plan up to {@code toChange} (null: to the end) with {@code mode}'s
     * recovery on failure.
     */
    public void deploy(String toChange, DeployMode mode) {
        deploy(toChange, mode, false);
    }

    /**
     * Like {@link #deploy(String, DeployMode)}; with {@code atomic}, every pending change is deployed in ONE
     * transaction (our all-or-nothing option, not in Sqitch): see {@link AtomicDeploy}.
     */
    public void deploy(String toChange, DeployMode mode, boolean atomic) {
        explained(() -> new ChangeDeployer(run).deploy(toChange, mode, atomic));
    }

    /** Sqitch's {@code revert}: reverts to {@code toChange} (kept), or everything when null. */
    public void revert(String toChange) {
        explained(() -> new Reverter(run).revert(toChange));
    }

    /** Sqitch's {@code verify} from {@code from} to {@code to} (either may be null). */
    public void verify(String from, String to) {
        explained(() -> new Verifier(run).verify(from, to));
    }

    /** Sqitch's {@code planned_deployed_common_ancestor_id}: see {@link Reverter#plannedDeployedCommonAncestorId}. */
    public String plannedDeployedCommonAncestorId() {
        return new Reverter(run).plannedDeployedCommonAncestorId();
    }

    /**
     * Runs a command, turning a failure of the database library (disk full, locked, read-only, damaged) into a
     * message naming the files and what to do; Sqitch's own errors pass unchanged.
     */
    private void explained(Runnable command) {
        try {
            command.run();
        } catch (SqitchException e) {
            Optional<String> advice = run.db.advice(e);
            if (advice.isPresent() && !(e instanceof QuietFailure)) {
                throw new SqitchException(advice.get(), e);
            }
            throw e;
        } catch (RuntimeException e) {
            Optional<String> advice = run.db.advice(e);
            if (advice.isPresent()) {
                throw new SqitchException(advice.get(), e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        run.db.close();
    }
}
