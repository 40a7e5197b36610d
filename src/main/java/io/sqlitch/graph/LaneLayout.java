package io.sqlitch.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a {@link PlanGraph} without Graphviz: one row per node (the changes in plan order, which is already
 * topological, and each external node just above its first dependent), and the edges on vertical lanes beside the boxes. Edges of one kind that
 * leave one node share a lane (a trunk with a branch per target), so a change many others require costs one lane,
 * not one per dependent; trunks are packed shortest first into the innermost lane free over their rows, so long
 * trunks run outside and short ones never cross them twice. Requires and conflicts run left of the boxes, reworks
 * right of them.
 *
 * @param rows        the row of each node, by node index
 * @param left        trunks left of the boxes (requires, conflicts)
 * @param right       trunks right of the boxes (reworks)
 * @param far         edges spanning more than {@link #MAX_SPAN} rows, named beside their target
 * @param leftLanes   the number of lanes left of the boxes
 * @param rightLanes  the number of lanes right of the boxes
 */
public record LaneLayout(List<Integer> rows, List<Trunk> left, List<Trunk> right, List<GraphEdge> far,
                         int leftLanes, int rightLanes) {

    /**
     * Edges spanning more rows than this are not drawn as lines but named beside their target (as a metro map
     * says "continues at"): a table required all along a 300-change plan would otherwise hold a lane for its
     * whole height and cross every branch in between.
     */
    public static final int MAX_SPAN = 30;

    public static LaneLayout of(PlanGraph graph) {
        int[] rows = rows(graph);
        Map<String, List<Integer>> leftTargets = new LinkedHashMap<>();
        Map<String, List<Integer>> rightTargets = new LinkedHashMap<>();
        List<GraphEdge> far = new ArrayList<>();
        for (GraphEdge edge : graph.edges()) {
            boolean rework = edge.kind() == EdgeKind.REWORK;
            if (Math.abs(rows[edge.to()] - rows[edge.from()]) > MAX_SPAN) {
                far.add(edge);
                continue;
            }
            Map<String, List<Integer>> side = rework ? rightTargets : leftTargets;
            side.computeIfAbsent(edge.kind() + " " + edge.from(), k -> new ArrayList<>()).add(rows[edge.to()]);
        }
        List<Trunk> left = pack(trunks(leftTargets, rows));
        List<Trunk> right = pack(trunks(rightTargets, rows));
        return new LaneLayout(java.util.Arrays.stream(rows).boxed().toList(), left, right, far, lanes(left),
                lanes(right));
    }

    /** Changes in plan order, each external node on the row just above the first change that names it. */
    private static int[] rows(PlanGraph graph) {
        int[] rows = new int[graph.nodeCount()];
        java.util.Arrays.fill(rows, -1);
        List<List<Integer>> externalsBefore = new ArrayList<>();
        graph.changes().forEach(c -> externalsBefore.add(new ArrayList<>()));
        boolean[] seen = new boolean[graph.nodeCount()];
        for (GraphEdge edge : graph.edges()) {
            if (graph.isExternal(edge.from()) && !seen[edge.from()]) {
                seen[edge.from()] = true;
                externalsBefore.get(edge.to()).add(edge.from());
            }
        }
        int row = 0;
        for (int change = 0; change < graph.changes().size(); change++) {
            for (int external : externalsBefore.get(change)) {
                rows[external] = row++;
            }
            rows[change] = row++;
        }
        return rows;
    }

    private static List<Trunk> trunks(Map<String, List<Integer>> targets, int[] rows) {
        List<Trunk> trunks = new ArrayList<>();
        targets.forEach((key, rowsReached) -> {
            int space = key.indexOf(' ');
            EdgeKind kind = EdgeKind.valueOf(key.substring(0, space));
            int from = Integer.parseInt(key.substring(space + 1));
            trunks.add(new Trunk(kind, from, rows[from], rowsReached.stream().distinct().sorted().toList(), 0));
        });
        return trunks;
    }

    /** Interval packing: shortest trunk first, each into the lowest lane none of its rows is taken in. */
    private static List<Trunk> pack(List<Trunk> trunks) {
        List<Trunk> order = new ArrayList<>(trunks);
        order.sort(Comparator.comparingInt((Trunk t) -> t.bottom() - t.top()).thenComparingInt(Trunk::top));
        List<List<Trunk>> lanes = new ArrayList<>();
        List<Trunk> placed = new ArrayList<>();
        for (Trunk trunk : order) {
            int lane = 0;
            while (lane < lanes.size() && overlapsAny(lanes.get(lane), trunk)) {
                lane++;
            }
            if (lane == lanes.size()) {
                lanes.add(new ArrayList<>());
            }
            Trunk inLane = trunk.inLane(lane);
            lanes.get(lane).add(inLane);
            placed.add(inLane);
        }
        placed.sort(Comparator.comparingInt(Trunk::top).thenComparingInt(Trunk::lane));
        return placed;
    }

    private static boolean overlapsAny(List<Trunk> lane, Trunk trunk) {
        for (Trunk other : lane) {
            if (trunk.top() <= other.bottom() && other.top() <= trunk.bottom()) {
                return true;
            }
        }
        return false;
    }

    private static int lanes(List<Trunk> trunks) {
        return trunks.stream().mapToInt(Trunk::lane).max().orElse(-1) + 1;
    }

    public LaneLayout {
        rows = List.copyOf(rows);
        left = List.copyOf(left);
        right = List.copyOf(right);
        far = List.copyOf(far);
    }

    /** The row of a node. */
    public int row(int node) {
        return rows.get(node);
    }

    /** The number of rows: external nodes plus changes. */
    public int rowCount() {
        return rows.size();
    }
}
