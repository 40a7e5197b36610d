package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.config.Identity;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanWriter;
import io.sqlitch.plan.Planner;
import io.sqlitch.plan.Tag;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code sqitch tag}: tags a change in each target's plan, or lists the tags when no name is given. */
public final class TagCommand implements Command<TagOptions, Void> {

    private final CommandContext ctx;

    public TagCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(TagOptions opts) {
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "tag", ctx.options(), opts.args(),
                Arrays.asList(AddCommand.emptyToNull(opts.tagName()), AddCommand.emptyToNull(opts.changeName())),
                null, opts.all());
        String name = parsed.names().get(0);
        String change = parsed.names().get(1);
        if (name == null) {
            list(parsed, opts);
            return CommandResult.ok();
        }
        String note = String.join("\n\n", opts.notes());
        Identity id = ctx.identity();
        Planner planner = new Planner(id.name(), id.email());
        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, Target> planTargets = new LinkedHashMap<>();
        for (Target target : parsed.targets()) {
            String key = target.planFile();
            if (plans.containsKey(key)) {
                continue;
            }
            plans.put(key, PlanWriter.addTag(ctx.plan(target), name, change, note, planner,
                    ctx.run().clock().instant()));
            planTargets.put(key, target);
        }
        String bare = name.startsWith("@") ? name.substring(1) : name;
        for (Map.Entry<String, Plan> e : plans.entrySet()) {
            Plan plan = e.getValue();
            Target target = planTargets.get(e.getKey());
            PlanWriter.write(plan, ctx.path(target.planFile()));
            ctx.planChanged(target);
            Tag tag = plan.findTag("@" + bare).orElseThrow();
            ctx.out().info("Tagged \"" + tag.changeName() + "\" with " + tag.formatName() + " in " + plan.file());
        }
        return CommandResult.ok();
    }

    private void list(TargetArguments parsed, TagOptions opts) {
        for (Target t : parsed.targets()) {
            if (opts.args().contains(t.name())) {
                throw new SqitchException("Name \"" + t.name() + "\" identifies a target; use \"--tag " + t.name()
                        + "\" to use it for the tag name");
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Target target : parsed.targets()) {
            for (Tag tag : ctx.plan(target).tags()) {
                if (seen.add(tag.formatName())) {
                    ctx.out().info(tag.formatName());
                }
            }
        }
    }
}
