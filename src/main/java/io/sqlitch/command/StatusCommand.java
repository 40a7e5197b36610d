package io.sqlitch.command;

import io.sqlitch.console.Output;
import io.sqlitch.SqitchException;
import io.sqlitch.format.DateFormats;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.DeployedTag;
import io.sqlitch.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code sqitch status}: the target's latest deployed change and what of the plan is left to deploy. */
public final class StatusCommand implements Command<StatusOptions, StatusReport> {

    private final CommandContext ctx;

    public StatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Prints the status; the result carries what status found, also with the soft {@code No changes deployed}. */
    @Override
    public CommandResult<StatusReport> execute(StatusOptions options) {
        Output out = ctx.out();
        String dateFormat = options.dateFormat() != null && !options.dateFormat().isEmpty() ? options.dateFormat()
                : ctx.config().get("status.date_format").filter(s -> !s.isEmpty()).orElse(null);
        if (dateFormat != null) {
            DateFormats.validate(dateFormat);
        } else {
            dateFormat = "iso";
        }
        boolean showChanges = options.showChanges() != null ? options.showChanges()
                : ctx.config().getBool("status.show_changes", false);
        boolean showTags = options.showTags() != null ? options.showTags()
                : ctx.config().getBool("status.show_tags", false);
        Target target = EngineTargets.parse(ctx, "status", options.target(), options.args()).target();
        Optional<Plan> plan = plan(target);
        ZoneId zone = ctx.run().zone();
        String format = dateFormat;

        try (ReportReads registry = ReportReads.open(ctx, target)) {
            String destination = registry.destination();
            out.comment("On database " + destination);
            String project = options.project() != null ? options.project() : plan.map(Plan::project)
                    .orElseGet(() -> registryProject(registry));
            // Sqitch's "has not been initialized" path needs current_state to die; on SQLite a registry without
            // tables reads as no state, so an uninitialised (even freshly created) registry says this too.
            Optional<DeployedChange> state = registry.currentState(project);
            if (state.isEmpty()) {
                return CommandResult.soft("No changes deployed", new StatusReport(destination, project, state,
                        plan.filter(p -> project.equals(p.project())).map(Plan::changes).orElse(null)));
            }
            DeployedChange current = state.get();

            out.comment("Project:  " + current.project());
            out.comment("Change:   " + current.id());
            out.comment("Name:     " + current.name());
            if (!current.tags().isEmpty()) {
                out.comment((current.tags().size() == 1 ? "Tag:      " : "Tags:     ")
                        + String.join(", ", current.tags()));
            }
            out.comment("Deployed: " + DateFormats.format(current.committedAt(), format, zone));
            out.comment("By:       " + current.committer());

            if (showChanges) {
                List<DeployedChange> changes = registry.currentChanges(project);
                out.comment("");
                out.comment(changes.size() == 1 ? "Change:" : "Changes:");
                int width = changes.stream().mapToInt(c -> c.name().length()).max().orElse(0);
                for (DeployedChange c : changes) {
                    out.comment(line(c.name(), width, c.committedAt(), c.committer().toString(), format, zone));
                }
            }
            if (showTags) {
                List<DeployedTag> tags = registry.currentTags(project);
                out.comment("");
                if (tags.isEmpty()) {
                    out.comment("Tags: None.");
                } else {
                    out.comment(tags.size() == 1 ? "Tag:" : "Tags:");
                    int width = tags.stream().mapToInt(t -> t.tag().length()).max().orElse(0);
                    for (DeployedTag t : tags) {
                        out.comment(line(t.tag(), width, t.committedAt(), t.committer().toString(), format, zone));
                    }
                }
            }

            if (plan.isPresent() && project.equals(plan.get().project())) {
                List<Change> undeployed = emitStatus(plan.get(), target, current);
                return CommandResult.ok(new StatusReport(destination, project, state, undeployed));
            }
            out.comment("");
            out.emit("Status unknown. Use --plan-file to assess \"" + project + "\" status");
            return CommandResult.ok(new StatusReport(destination, project, state, null));
        }
    }

    private static String line(String name, int width, Instant at, String who, String format, ZoneId zone) {
        return "  " + name + " ".repeat(width - name.length()) + " - " + DateFormats.format(at, format, zone)
                + " - " + who;
    }

    private List<Change> emitStatus(Plan plan, Target target, DeployedChange current) {
        Output out = ctx.out();
        out.comment("");
        OptionalInt found = plan.indexOf(current.id());
        if (found.isEmpty()) {
            out.vent("Cannot find this change in " + target.planFile());
            throw new SqitchException("Make sure you are connected to the proper database for this project.");
        }
        int idx = found.getAsInt();
        int left = plan.count() - (idx + 1);
        if (left == 0) {
            out.emit("Nothing to deploy (up-to-date)");
            return List.of();
        }
        out.emit(left == 1 ? "Undeployed change:" : "Undeployed changes:");
        List<Change> undeployed = new ArrayList<>();
        for (int i = idx + 1; i < plan.count(); i++) {
            undeployed.add(plan.changeAt(i));
            out.emit("  * " + plan.changeAt(i).formatNameWithTags());
        }
        return undeployed;
    }

    /**
     * The latest change deployed to {@code target} for its plan's project, without printing anything; empty when
     * the registry file does not exist (so asking never creates one) or holds nothing for the project.
     */
    public Optional<DeployedChange> currentState(String target) {
        // Read as the goal read it: a target name, URI, engine or plan file.
        Target t = EngineTargets.parse(ctx, "status", null, Positional.of(target)).target();
        Optional<Path> file = t.registryFile(ctx.run().directory());
        if (file.isEmpty() || !Files.exists(file.get()) || !Files.exists(ctx.path(t.planFile()))) {
            return Optional.empty();
        }
        String project = ctx.plan(t).project();
        try (TargetRegistry reg = TargetRegistry.open(ctx, t, null)) {
            return reg.schema().isInitialized() ? reg.registry().currentState(project) : Optional.empty();
        }
    }

    // A missing plan file is no error for status: the project then comes from the registry.
    private Optional<Plan> plan(Target target) {
        if (!Files.exists(ctx.path(target.planFile()))) {
            return Optional.empty();
        }
        return Optional.of(ctx.plan(target));
    }

    private static String registryProject(ReportReads reg) {
        if (!reg.initialized()) {
            throw new SqitchException("Database not initialized for Sqitch");
        }
        List<String> projects = reg.registeredProjects();
        if (projects.isEmpty()) {
            throw new SqitchException("No projects registered");
        }
        if (projects.size() > 1) {
            throw new SqitchException("Use --project to select which project to query: "
                    + String.join(", ", projects));
        }
        return projects.get(0);
    }
}
