package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;
import io.sqlitch.target.TargetOptions;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code checkout} (and its preview) settle before touching the database: the target, the branch, both
 * plans (the other branch's read with {@code git show}, nothing checked out) and the last change they share.
 *
 * @param lastCommon the last change of {@code toPlan} that {@code fromPlan} also has
 */
record CheckoutPlans(Target target, String branch, Plan fromPlan, Plan toPlan, Change lastCommon, VcsClient vcs) {

    /**
     * Sqitch's checks and messages in its order: usage, too many targets, already on branch (the soft outcome),
     * no common change.
     */
    static CommandResult<CheckoutPlans> resolve(CommandContext ctx, CheckoutOptions o) {
        TargetOptions targetOptions = o.target() == null ? ctx.options() : ctx.options().withTarget(o.target());
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "checkout", targetOptions, o.args(),
                Arrays.asList(new String[] {null}), null, false);
        String branch = parsed.names().isEmpty() ? null : parsed.names().get(0);
        if (branch == null || branch.isEmpty()) {
            throw new SqitchException(CheckoutCommand.USAGE);
        }
        Target target = parsed.targets().get(0);
        if (parsed.targets().size() > 1) {
            ctx.out().warn("Too many targets specified; connecting to " + target.name());
        }
        VcsClient vcs = new VcsClient(ctx);
        String current = firstLine(vcs.run(List.of("rev-parse", "--abbrev-ref", "HEAD"), true));
        if (current.equals(branch)) {
            return CommandResult.soft("Already on branch " + branch);
        }
        Plan fromPlan = ctx.plan(target);
        // Git reads a relative path from the repository root unless it starts with ./ (Sqitch #560).
        Plan toPlan = PlanParser.parse(vcs.run(List.of("show", branch + ":./" + target.planFile()), true),
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
        return CommandResult.ok(new CheckoutPlans(target, branch, fromPlan, toPlan, lastCommon, vcs));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
