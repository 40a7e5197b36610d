package io.sqlitch.command;

import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.Engine;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.target.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sqitch checkout}: revert to the last change the current and the other branch's plans share, check the
 * branch out with the VCS client ({@code git}), and deploy the branch's plan.
 */
public final class CheckoutCommand implements Command<CheckoutOptions, Void> {

    /** Sqitch's usage text, printed (exit 2) when no branch is given. */
    static final String USAGE = """
            Usage:
                  sqitch checkout [options] [<database>] <branch>

            Options:
                    -t --target <target>         database to which to connect
                       --mode <mode>             deploy failure reversion mode (all, tag, or change)
                       --verify                  run verify scripts after deploying each change
                       --no-verify               do not run verify scripts
                    -s --set        <key=value>  set a database client variable
                    -r --set-revert <key=value>  set a database client revert variable
                    -e --set-deploy <key=value>  set a database client deploy variable
                       --log-only                log changes without running them
                       --lock-timeout <timeout>  seconds to wait for target lock
                    -y                           disable the prompt before reverting
                       --registry   <registry>   registry schema or database
                       --db-client  <path>       path to the engine command-line client
                    -d --db-name    <name>       database name
                    -u --db-user    <user>       database user name
                    -h --db-host    <host>       database server host name
                    -p --db-port    <port>       database server port number
                    -f --plan-file  <file>       path to a deployment plan file
            """;

    private final CommandContext ctx;

    public CheckoutCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(CheckoutOptions o) {
        DeployMode mode = DeployMode.parse(EngineTargets.string(ctx, o.mode(), "checkout.mode", "deploy.mode"));
        boolean verify = EngineTargets.bool(ctx, o.verify(), false, "checkout.verify", "deploy.verify");
        boolean noPrompt = EngineTargets.bool(ctx, o.noPrompt(), false, "checkout.no_prompt", "revert.no_prompt");
        boolean promptAccept = EngineTargets.bool(ctx, null, true, "checkout.prompt_accept", "revert.prompt_accept");
        CommandResult<CheckoutPlans> resolved = CheckoutPlans.resolve(ctx, o);
        if (resolved.isSoft()) {
            return CommandResult.soft(resolved.message());
        }
        CheckoutPlans plans = resolved.value();
        Target target = plans.target();
        Plan fromPlan = plans.fromPlan();
        Plan toPlan = plans.toPlan();
        Change lastCommon = plans.lastCommon();
        String branch = plans.branch();

        EngineOptions revertOptions = new EngineOptions(verify, o.logOnly(), DeployCommand.timeout(o.lockTimeout()),
                noPrompt, promptAccept, variables(target, List.of("core.variables", "deploy.variables",
                        "revert.variables"), o.set(), o.setRevert()));
        try (Engine engine = Engines.open(ctx, target, fromPlan, revertOptions)) {
            Optional<CommandResult<Void>> declined = RebaseCommand.revertFirst(engine, lastCommon.id(), ctx.out());
            if (declined.isPresent()) {
                return declined.get();
            }
        }

        plans.vcs().run(List.of("checkout", branch), false);

        EngineOptions deployOptions = new EngineOptions(verify, o.logOnly(), DeployCommand.timeout(o.lockTimeout()),
                noPrompt, promptAccept, variables(target, List.of("core.variables", "deploy.variables"), o.set(),
                o.setDeploy()));
        ctx.planChanged(target);
        try (Engine engine = Engines.open(ctx, target, toPlan, deployOptions)) {
            engine.deploy(null, mode);
        }
        return CommandResult.ok();
    }

    private Map<String, String> variables(Target target, List<String> sections, Map<String, String> set,
                                          Map<String, String> specific) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String section : sections) {
            vars.putAll(ctx.config().section(section));
        }
        vars.putAll(target.variables());
        vars.putAll(set);
        vars.putAll(specific);
        return vars;
    }
}
