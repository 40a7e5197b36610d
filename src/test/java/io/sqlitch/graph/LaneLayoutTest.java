package io.sqlitch.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaneLayoutTest {

    /** {@code n} changes, each requiring the one before and the first (a core table), tagged every 50. */
    static String longPlan(int n) {
        StringBuilder sb = new StringBuilder("%syntax-version=1.0.0\n%project=long\n\n");
        for (int i = 1; i <= n; i++) {
            sb.append("c").append(i);
            if (i > 1) {
                sb.append(" [c").append(i - 1).append(i > 2 ? " c1" : "").append(i % 40 == 0 ? " ext:t" : "")
                        .append(']');
            }
            sb.append(" 2024-01-01T00:00:00Z Ann <ann@example.com>\n");
            if (i % 50 == 0) {
                sb.append("@v").append(i / 50).append(" 2024-01-01T00:00:00Z Ann <ann@example.com>\n");
            }
        }
        return sb.toString();
    }

    @Test
    void noTwoTrunksShareALaneOverTheSameRows() {
        LaneLayout layout = LaneLayout.of(GraphFixtures.graph(longPlan(300), -1));
        List<Trunk> trunks = layout.left();
        for (Trunk a : trunks) {
            for (Trunk b : trunks) {
                if (a != b && a.lane() == b.lane()) {
                    assertTrue(a.bottom() < b.top() || b.bottom() < a.top(), a + " overlaps " + b);
                }
            }
        }
    }

    @Test
    void farEdgesAreNamedNotDrawnSoAThreeHundredChangePlanKeepsFewLanes() {
        PlanGraph graph = GraphFixtures.graph(longPlan(300), -1);
        LaneLayout layout = LaneLayout.of(graph);
        assertTrue(layout.leftLanes() <= 3, "lanes: " + layout.leftLanes());
        assertTrue(layout.far().stream().allMatch(e -> Math.abs(layout.row(e.to()) - layout.row(e.from()))
                > LaneLayout.MAX_SPAN));
        long drawn = layout.left().stream().mapToLong(t -> t.targetRows().size()).sum();
        assertEquals(graph.edges().size(), drawn + layout.far().size(), "every edge is drawn or named");
    }

    @Test
    void anExternalNodeSitsJustAboveItsFirstDependent() {
        PlanGraph graph = GraphFixtures.graph(longPlan(100), -1);
        LaneLayout layout = LaneLayout.of(graph);
        int external = graph.changes().size();
        assertEquals("ext:t", graph.label(external));
        assertEquals(layout.row(39) - 1, layout.row(external), "above c40");
        assertEquals(layout.row(external) + 1, layout.row(39));
        assertEquals(graph.nodeCount(), layout.rows().stream().distinct().count(), "one row per node");
    }
}
