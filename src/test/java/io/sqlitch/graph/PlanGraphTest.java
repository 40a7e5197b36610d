package io.sqlitch.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanGraphTest {

    private static List<String> edges(PlanGraph graph) {
        return graph.edges().stream().map(e -> e.kind() + " " + graph.label(e.from()) + "#" + e.from() + " -> "
                + graph.label(e.to()) + "#" + e.to()).toList();
    }

    @Test
    void tutorialPlanHasItsChangesInPlanOrderAndEveryRequiresAndTheRework() {
        PlanGraph graph = GraphFixtures.graph(GraphFixtures.FLIPR, -1);
        assertEquals(List.of("users", "flips", "userflips", "lists", "hashtags", "userflips"),
                graph.changes().stream().map(GraphNode::name).toList());
        assertEquals(List.of(
                "REQUIRES users#0 -> flips#1",
                "REQUIRES users#0 -> userflips#2",
                "REQUIRES flips#1 -> userflips#2",
                "REQUIRES users#0 -> lists#3",
                "REQUIRES flips#1 -> hashtags#4",
                "REWORK userflips#2 -> userflips#5",
                "REQUIRES userflips#2 -> userflips#5"), edges(graph));
        assertEquals(List.of("v1.0.0-dev1"), graph.changes().get(2).tags());
        assertEquals(5, graph.changes().get(2).reworkedBy());
        assertEquals(2, graph.changes().get(5).reworkOf());
        assertTrue(graph.externals().isEmpty());
        assertTrue(graph.target().isEmpty());
        assertTrue(graph.changes().stream().allMatch(c -> c.status() == NodeStatus.UNKNOWN));
    }

    @Test
    void aTargetMakesTheChangesInItsRegistryDeployedAndTheRestPending() {
        PlanGraph graph = GraphFixtures.graph(GraphFixtures.FLIPR, 4);
        assertEquals(List.of(NodeStatus.DEPLOYED, NodeStatus.DEPLOYED, NodeStatus.DEPLOYED, NodeStatus.DEPLOYED,
                NodeStatus.PENDING, NodeStatus.PENDING), graph.changes().stream().map(GraphNode::status).toList());
        assertEquals(List.of("hashtags", "userflips"), graph.pending().stream().map(GraphNode::name).toList());
        assertEquals(GraphFixtures.plan(GraphFixtures.FLIPR).changeIdAt(0), graph.changes().get(0).id());
    }

    @Test
    void otherProjectsAndNamesOutsideThePlanBecomeExternalNodesOnceEach() {
        PlanGraph graph = GraphFixtures.graph(GraphFixtures.ODD, -1);
        assertEquals(List.of("auth:users", "gone", "billing:invoices@v2"),
                graph.externals().stream().map(ExternalNode::key).toList());
        assertEquals(List.of(false, true, false), graph.externals().stream().map(ExternalNode::missing).toList());
        assertEquals(List.of(
                "REQUIRES a\"b<c>&d#0 -> e'f#1",
                "REQUIRES auth:users#3 -> e'f#1",
                "CONFLICTS gone#4 -> e'f#1",
                "REQUIRES auth:users#3 -> g#2",
                "REQUIRES billing:invoices@v2#5 -> g#2",
                "CONFLICTS e'f#1 -> g#2"), edges(graph));
        assertEquals("!gone", graph.edges().get(2).label());
    }

    @Test
    void aPlainNameRequiresTheLatestInstanceBeforeTheChange() {
        String plan = GraphFixtures.FLIPR + "@v1.0.0-dev3 2014-01-03T00:00:00Z Marge <m@example.com>\n"
                + "likes [userflips] 2014-01-03T00:00:01Z Marge <m@example.com>\n";
        PlanGraph graph = GraphFixtures.graph(plan, -1);
        GraphEdge last = graph.edges().get(graph.edges().size() - 1);
        assertEquals(5, last.from(), "the reworked userflips, not the first instance");
        assertFalse(graph.isExternal(last.from()));
    }
}
