package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.graph.GraphFormat;
import io.sqlitch.graph.GraphNode;
import io.sqlitch.graph.NodeStatus;
import io.sqlitch.graph.PlanGraph;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph of the tutorial project against registries real Sqitch wrote, and what drawing leaves alone. */
class GraphCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void tutorialProject() throws IOException {
        Path flipr = Path.of("examples/flipr");
        try (Stream<Path> files = Files.walk(flipr)) {
            for (Path from : files.filter(p -> !p.toString().contains("target")).toList()) {
                Path to = dir.resolve(flipr.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().endsWith(".db")) {
                    Files.copy(from, to);
                }
            }
        }
    }

    private GraphCommand command(Capture out) {
        RunContext run = new RunContext(dir, RealSqitch.env(dir), Clock.systemUTC(), dir);
        return new GraphCommand(new CommandContext(run, TargetOptions.none(), out, null));
    }

    @Test
    void pendingChangesAreTheOnesRealSqitchStatusListsAsUndeployed() throws Exception {
        Assumptions.assumeTrue(RealSqitch.available(), "real sqitch is not installed");
        RealSqitch.Result deploy = RealSqitch.run(dir, RealSqitch.env(dir),
                List.of("deploy", "--to", "lists", "db:sqlite:graph.db"));
        assertEquals(0, deploy.exitValue(), deploy.stderr());
        RealSqitch.Result status = RealSqitch.run(dir, RealSqitch.env(dir), List.of("status", "db:sqlite:graph.db"));
        List<String> undeployed = status.stdout().lines().filter(l -> l.startsWith("  * "))
                .map(l -> l.substring(4)).toList();
        Path registry = dir.resolve("sqitch.db");
        byte[] before = Files.readAllBytes(registry);
        FileTime modified = Files.getLastModifiedTime(registry);

        PlanGraph graph = command(new Capture()).graph("db:sqlite:graph.db", true);

        assertEquals(undeployed, graph.pending().stream().map(GraphNode::nameWithTags).toList());
        assertEquals(List.of("hashtags @v1.0.0-dev2", "userflips"), undeployed);
        assertEquals(4, graph.count(NodeStatus.DEPLOYED));
        assertEquals("lists", graph.target().orElseThrow().current().orElseThrow().name());
        assertArrayEquals(before, Files.readAllBytes(registry), "the registry is only read");
        assertEquals(modified, Files.getLastModifiedTime(registry));
        assertFalse(Files.exists(dir.resolve("sqitch.db-journal")) || Files.exists(dir.resolve("sqitch.db-wal")));
    }

    @Test
    void aTargetNeverDeployedToShowsEverythingPendingAndCreatesNoRegistry() throws Exception {
        Capture out = new Capture();
        Path graphs = dir.resolve("target/sqlitch");
        command(out).execute(new GraphOptions("db:sqlite:new.db", graphs,
                List.of(GraphFormat.SVG, GraphFormat.DOT, GraphFormat.MERMAID)));
        assertFalse(Files.exists(dir.resolve("sqitch.db")), "no registry created");
        assertFalse(Files.exists(dir.resolve("new.db")), "no database created");
        assertEquals(List.of("plan.dot", "plan.mmd", "plan.svg"), Arrays.stream(graphs.toFile().list()).sorted()
                .toList(), "no temporary file left");
        String svg = Files.readString(graphs.resolve("plan.svg"));
        assertTrue(svg.contains("db:sqlite:new.db: 0 deployed, 6 pending"), svg);
        assertEquals("Wrote " + graphs.resolve("plan.svg") + "\nWrote " + graphs.resolve("plan.dot") + "\nWrote "
                + graphs.resolve("plan.mmd") + "\n", out.stdout());
    }

    @Test
    void withoutATargetTheGraphIsUncolouredAndABadPlanLineIsNamed() throws Exception {
        PlanGraph graph = command(new Capture()).graph(null, false);
        assertTrue(graph.target().isEmpty());
        assertEquals(6, graph.count(NodeStatus.UNKNOWN));

        Path plan = dir.resolve("sqitch.plan");
        Files.writeString(plan, Files.readString(plan) + "bad name! 2024-01-01T00:00:00Z A <a@b.c>\n");
        byte[] bytes = Files.readAllBytes(plan);
        SqitchException e = assertThrows(SqitchException.class, () -> command(new Capture()).graph(null, false));
        assertTrue(e.getMessage().startsWith("Syntax error in sqitch.plan at line 14: Invalid name"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(plan));
    }

    @Test
    void anUnknownFormatIsNamed() {
        SqitchException e = assertThrows(SqitchException.class, () -> GraphFormat.named("png"));
        assertEquals("Unknown graph format \"png\": use svg, dot, mermaid, html", e.getMessage());
    }
}
