package io.sqlitch.command;

import io.sqlitch.format.DateFormats;
import io.sqlitch.format.FormatItem;
import io.sqlitch.format.FormatTemplates;
import io.sqlitch.format.ItemFormatter;
import io.sqlitch.registry.EventQuery;
import io.sqlitch.registry.RegistryEvent;
import io.sqlitch.target.Target;
import java.util.List;

/** {@code sqitch log}: the target registry's event history, formatted with Sqitch's templates. */
public final class LogCommand implements Command<LogOptions, LogReport> {

    private final CommandContext ctx;

    public LogCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Prints the events; the result carries those shown (none with a soft {@code No events logged}). */
    @Override
    public CommandResult<LogReport> execute(LogOptions options) {
        String format = options.format();
        Integer abbrev = options.abbrev();
        if (options.oneline()) {
            format = format == null || format.isEmpty() ? "oneline" : format;
            abbrev = abbrev == null ? 6 : abbrev;
        }
        String dateFormat = options.dateFormat() != null && !options.dateFormat().isEmpty() ? options.dateFormat()
                : ctx.config().get("log.date_format").filter(s -> !s.isEmpty()).orElse(null);
        if (dateFormat != null) {
            DateFormats.validate(dateFormat);
        } else {
            dateFormat = "iso";
        }
        if (format == null || format.isEmpty()) {
            format = ctx.config().get("log.format").filter(s -> !s.isEmpty()).orElse("medium");
        }
        String template = FormatTemplates.logTemplate(format);
        String color = options.color() != null ? options.color()
                : ctx.config().get("log.color").orElse("auto");
        ItemFormatter formatter = new ItemFormatter(abbrev == null ? 0 : abbrev, dateFormat,
                "always".equals(color), ctx.run().zone());

        Target target = EngineTargets.parse(ctx, "log", options.target(), options.args()).target();
        try (ReportReads reg = ReportReads.open(ctx, target)) {
            if (!reg.initialized()) {
                return CommandResult.soft("Database " + reg.registryDestination()
                        + " has not been initialized for Sqitch", new LogReport(target, List.of()));
            }
            if (reg.searchEvents(new EventQuery(List.of(), null, null, null, null, 1, null, false))
                    .isEmpty()) {
                return CommandResult.soft("No events logged for " + reg.destination(),
                        new LogReport(target, List.of()));
            }
            List<RegistryEvent> events = reg.searchEvents(new EventQuery(options.events(),
                    options.changePattern(), options.projectPattern(), options.committerPattern(), null,
                    options.maxCount(), options.skip(), options.reverse()));
            if (options.headers() == null || options.headers()) {
                ctx.out().emit("On database " + reg.destination());
            }
            for (RegistryEvent event : events) {
                // Sqitch's page() adds one newline to each formatted event.
                for (String line : formatter.format(template, item(event)).split("\n", -1)) {
                    ctx.out().emit(line);
                }
            }
            return CommandResult.ok(new LogReport(target, events));
        }
    }

    // Tags, requires and conflicts as lists: Sqitch 1.3.1 passes SQLite's plain strings and dies on %t/%T/%r/%x.
    private static FormatItem item(RegistryEvent e) {
        return FormatItem.event(e.event(), e.project(), e.changeId(), e.change(), e.note(), e.tagList(),
                e.requiresList(), e.conflictsList(), e.committer().name(), e.committer().email(), e.committedAt(),
                e.planner().name(), e.planner().email(), e.plannedAt());
    }
}
