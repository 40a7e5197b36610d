package io.sqlitch.command;

import io.sqlitch.console.Output;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.DeployMode;
import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.Engine;
import io.sqlitch.engine.RevertDeclined;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;
import io.sqlitch.target.TargetOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        TargetOptions targetOptions = o.target() == null ? ctx.options() : ctx.options().withTarget(o.target());
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "checkout", targetOptions, o.args(),
                Arrays.asList(new String[] {null}), null, false);
        String branch = parsed.names().isEmpty() ? null : parsed.names().get(0);
        if (branch == null || branch.isEmpty()) {
            throw new SqitchException(USAGE);
        }
        Target target = parsed.targets().get(0);
        if (parsed.targets().size() > 1) {
            ctx.out().warn("Too many targets specified; connecting to " + target.name());
        }
        String git = ctx.config().get("core.vcs.client").filter(s -> !s.isEmpty()).orElse("git");
        DeployMode mode = DeployMode.parse(EngineTargets.string(ctx, o.mode(), "checkout.mode", "deploy.mode"));
        boolean verify = EngineTargets.bool(ctx, o.verify(), false, "checkout.verify", "deploy.verify");
        boolean noPrompt = EngineTargets.bool(ctx, o.noPrompt(), false, "checkout.no_prompt", "revert.no_prompt");
        boolean promptAccept = EngineTargets.bool(ctx, null, true, "checkout.prompt_accept", "revert.prompt_accept");

        String current = firstLine(run(git, List.of("rev-parse", "--abbrev-ref", "HEAD"), true));
        if (current.equals(branch)) {
            return CommandResult.soft("Already on branch " + branch);
        }
        Plan fromPlan = ctx.plan(target);
        // Git reads a relative path from the repository root unless it starts with ./ (Sqitch #560).
        Plan toPlan = PlanParser.parse(run(git, List.of("show", branch + ":./" + target.planFile()), true),
                target.planFile());
        Change lastCommon = null;
        for (Change change : toPlan.changes()) {
            if (fromPlan.indexOf(change.id()).isEmpty()) {
                break;
            }
            lastCommon = change;
        }
        if (lastCommon == null) {
            throw new SqitchException("Branch " + branch + " has no changes in common with current branch "
                    + current);
        }
        ctx.out().info("Last change before the branches diverged: " + lastCommon.formatNameWithTags());

        EngineOptions revertOptions = new EngineOptions(verify, o.logOnly(), DeployCommand.timeout(o.lockTimeout()),
                noPrompt, promptAccept, variables(target, List.of("core.variables", "deploy.variables",
                        "revert.variables"), o.set(), o.setRevert()));
        try (Engine engine = Engines.open(ctx, target, fromPlan, revertOptions)) {
            engine.revert(lastCommon.id());
        } catch (SqitchException e) {
            // Like rebase: soft outcomes (nothing to revert) are notices, a declined revert question stops.
            if (e instanceof RevertDeclined d && d.withTarget()) {
                return CommandResult.soft(d.getMessage());
            }
            if (e.exitValue() > 1) {
                throw e;
            }
            ctx.out().info(e.getMessage());
        }

        run(git, List.of("checkout", branch), false);

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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * Runs the VCS client in the working directory; its stderr passes through (Output.vent), and so does its
     * stdout unless captured. A non-zero exit is Sqitch's {@code "git" unexpectedly returned exit value N}.
     */
    private String run(String client, List<String> args, boolean capture) {
        List<String> command = new ArrayList<>();
        command.add(client);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(ctx.run().directory().toFile());
        pb.environment().clear();
        pb.environment().putAll(ctx.run().environment());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path outFile = null;
        Path errFile = null;
        try {
            outFile = Files.createTempFile("sqlitch-vcs", ".out");
            errFile = Files.createTempFile("sqlitch-vcs", ".err");
            pb.redirectOutput(outFile.toFile());
            pb.redirectError(errFile.toFile());
            int rc;
            try {
                rc = pb.start().waitFor();
            } catch (IOException e) {
                throw new SqitchException("\"" + client + "\" failed to start: \"" + e.getMessage() + "\"", e);
            }
            String out = Files.readString(outFile, StandardCharsets.UTF_8);
            for (String line : lines(Files.readString(errFile, StandardCharsets.UTF_8))) {
                ctx.out().vent(line);
            }
            if (!capture) {
                for (String line : lines(out)) {
                    ctx.out().emit(line);
                }
            }
            if (rc != 0) {
                // Sqitch's die handler turns IPC::System::Simple's " at FILE line N." into a newline: a blank line.
                throw new SqitchException("\"" + client + "\" unexpectedly returned exit value " + rc + "\n");
            }
            return out;
        } catch (IOException e) {
            throw new SqitchException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqitchException("Interrupted while running " + client, e);
        } finally {
            deleteQuietly(outFile);
            deleteQuietly(errFile);
        }
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
