package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.graph.GraphFormat;
import io.sqlitch.graph.HtmlReport;
import io.sqlitch.graph.PlanGraph;
import io.sqlitch.graph.TargetState;
import io.sqlitch.plan.Plan;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.RegistrySnapshot;
import io.sqlitch.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code sqlitch:graph} and the site report (no Sqitch counterpart): the plan's dependency graph, coloured by what
 * the target's registry holds. Reads the registry read-only and never creates it: drawing changes no database.
 */
public final class GraphCommand implements Command<GraphOptions, Void> {

    private final CommandContext ctx;

    public GraphCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Writes the requested files into the directory and names each one written. */
    @Override
    public CommandResult<Void> execute(GraphOptions options) {
        if (options.formats().isEmpty()) {
            throw new SqitchException("No graph format given: use svg, dot, mermaid or html");
        }
        boolean status = options.target() != null && !options.target().isEmpty();
        PlanGraph graph = graph(options.target(), status);
        for (GraphFormat format : options.formats()) {
            Path file = options.directory().resolve(format.fileName());
            write(file, format.render(graph));
            ctx.out().info("Wrote " + file);
        }
        return CommandResult.ok();
    }

    /** Writes the report page ({@link HtmlReport#page}) of {@code target} (null: the default) to {@code file}. */
    public void report(String target, Path file) {
        write(file, HtmlReport.page(graph(target, true)));
        ctx.out().info("Wrote " + file);
    }

    /**
     * The graph of {@code target}'s plan (null: the default target); with {@code status}, each change is
     * deployed or pending in that target's registry (all pending when it has none yet).
     */
    public PlanGraph graph(String target, boolean status) {
        Target t = ctx.target(target);
        Plan plan = ctx.plan(t);
        return PlanGraph.of(plan, status ? state(t, plan.project()).orElse(null) : null);
    }

    /** What the target's registry holds for the project; empty when the target names no database file. */
    private Optional<TargetState> state(Target target, String project) {
        Optional<Path> file = target.registryFile(ctx.run().directory());
        if (file.isEmpty()) {
            ctx.out().warn("No registry file for " + target.destination() + ": deployment status not shown");
            return Optional.empty();
        }
        RegistrySnapshot snapshot = RegistrySnapshot.read(file.get(), project, ctx.run().clock());
        return Optional.of(new TargetState(target.destination(), snapshot.current(),
                snapshot.deployed().stream().map(DeployedChange::id).collect(Collectors.toSet())));
    }

    // A temporary file beside the target, then a rename: a reader never sees half a picture.
    private static void write(Path file, String text) {
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new SqitchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
