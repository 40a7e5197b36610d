package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.format.DateFormats;
import io.sqlitch.format.FormatItem;
import io.sqlitch.format.FormatTemplates;
import io.sqlitch.format.ItemFormatter;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Dependency;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code sqitch plan}: prints the changes of a target's plan in one of the log-like formats. */
public final class PlanCommand implements Command<PlanOptions, PlanReport> {

    private final CommandContext ctx;

    public PlanCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Prints the plan; the result carries the changes shown (none with a soft {@code No changes in}). */
    @Override
    public CommandResult<PlanReport> execute(PlanOptions opts) {
        String dateFormat = opts.dateFormat() != null && !opts.dateFormat().isEmpty() ? opts.dateFormat()
                : ctx.config().get("plan.date_format").orElse(null);
        if (dateFormat != null) {
            DateFormats.validate(dateFormat);
        } else {
            dateFormat = "iso";
        }
        String formatName = opts.format() != null && !opts.format().isEmpty() ? opts.format()
                : opts.oneline() ? "oneline" : ctx.config().get("plan.format").orElse("medium");
        String template = FormatTemplates.planTemplate(formatName);
        Integer abbrev = opts.abbrev() != null ? opts.abbrev() : opts.oneline() ? Integer.valueOf(6) : null;
        String color = opts.color() != null ? opts.color() : ctx.config().get("plan.color").orElse("auto");
        ItemFormatter formatter = new ItemFormatter(abbrev == null ? 0 : abbrev, dateFormat,
                color.equals("always"), ctx.run().zone());

        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "plan",
                opts.target() == null ? ctx.options() : ctx.options().withTarget(opts.target()), opts.args(),
                List.of(), (t, arg) -> Files.exists(ctx.path(t.planFile())) && ctx.plan(t).contains(arg), false);
        Target target = parsed.targets().get(0);
        if (parsed.targets().size() > 1) {
            ctx.out().warn("Too many targets specified; using " + target.name());
        }
        Plan plan = ctx.plan(target);
        if (plan.count() == 0) {
            return CommandResult.soft("No changes in " + plan.file(), new PlanReport(plan, List.of()));
        }
        List<Change> changes = search(plan, opts);
        if (opts.headers()) {
            ctx.out().emit("# Project: " + plan.project());
            ctx.out().emit("# File:    " + plan.file());
            ctx.out().emit("");
        }
        for (Change change : changes) {
            FormatItem item = FormatItem.planned(change.isRevert() ? "revert" : "deploy", change.project(),
                    change.id(), change.name(), change.note(), change.tags().stream().map(Tag::formatName).toList(),
                    change.requires().stream().map(Dependency::asString).toList(),
                    change.conflicts().stream().map(Dependency::asString).toList(), change.planner().name(),
                    change.planner().email(), change.timestamp());
            for (String line : formatter.format(template, item).split("\n", -1)) {
                ctx.out().emit(line);
            }
        }
        return CommandResult.ok(new PlanReport(plan, changes));
    }

    /** {@code Plan->search_changes}: note Sqitch keeps a change when ANY filter matches (filters are OR'ed). */
    private static List<Change> search(Plan plan, PlanOptions opts) {
        List<Predicate<Change>> filters = new ArrayList<>();
        if (opts.plannerPattern() != null && !opts.plannerPattern().isEmpty()) {
            Pattern p = regex(opts.plannerPattern());
            filters.add(c -> p.matcher(c.planner().name()).find());
        }
        if (opts.changePattern() != null && !opts.changePattern().isEmpty()) {
            Pattern p = regex(opts.changePattern());
            filters.add(c -> p.matcher(c.name()).find());
        }
        String op = opts.event() == null ? "" : opts.event().toLowerCase(Locale.ROOT);
        if (!op.isEmpty()) {
            filters.add(switch (op) {
                case "deploy" -> c -> !c.isRevert();
                case "revert" -> Change::isRevert;
                default -> throw new SqitchException("Unknown change operation \"" + op + "\"");
            });
        }
        if (filters.isEmpty()) {
            filters.add(c -> true);
        }
        int offset = opts.skip() == null ? 0 : opts.skip();
        int limit = opts.maxCount() == null ? 0 : opts.maxCount();
        int count = plan.count();
        List<Change> found = new ArrayList<>();
        if (opts.reverse()) {
            int index = count - (offset + 1);
            int endAt = limit != 0 ? index - limit : -1;
            while (index > endAt && index >= 0 && index < count) {
                Change c = plan.changeAt(index--);
                if (filters.stream().anyMatch(f -> f.test(c))) {
                    found.add(c);
                }
            }
        } else {
            int index = offset - 1;
            int endAt = limit != 0 ? index + limit : count - 1;
            while (index < endAt && index + 1 < count) {
                Change c = plan.changeAt(++index);
                if (filters.stream().anyMatch(f -> f.test(c))) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    private static Pattern regex(String perl) {
        try {
            return Pattern.compile(perl);
        } catch (PatternSyntaxException e) {
            throw new SqitchException(e.getDescription() + " in regex; marked by <-- HERE in m/" + perl + "/", e);
        }
    }
}
