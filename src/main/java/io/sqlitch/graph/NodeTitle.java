package io.sqlitch.graph;

import java.util.List;

/** The tooltip of a node: what {@code sqitch show change} would tell first, and how it relates to others. */
final class NodeTitle {

    private NodeTitle() {
    }

    static String of(PlanGraph graph, int node) {
        if (graph.isExternal(node)) {
            ExternalNode external = graph.external(node);
            return external.key() + (external.missing() ? " (not in the plan)" : " (another project)");
        }
        GraphNode change = graph.changes().get(node);
        StringBuilder sb = new StringBuilder().append(change.index() + 1).append(". ").append(change.nameWithTags())
                .append("\n").append(change.id()).append("\n").append(change.planned());
        if (change.status() != NodeStatus.UNKNOWN) {
            sb.append("\n").append(change.status().cssClass());
        }
        append(sb, "requires", edges(graph, node, EdgeKind.REQUIRES));
        append(sb, "conflicts", edges(graph, node, EdgeKind.CONFLICTS));
        if (change.reworkOf() >= 0) {
            sb.append("\nreworks #").append(change.reworkOf() + 1);
        }
        if (change.reworkedBy() >= 0) {
            sb.append("\nreworked by #").append(change.reworkedBy() + 1);
        }
        if (!change.note().isEmpty()) {
            sb.append("\n\n").append(change.note());
        }
        return sb.toString();
    }

    private static List<String> edges(PlanGraph graph, int node, EdgeKind kind) {
        return graph.edges().stream().filter(e -> e.to() == node && e.kind() == kind).map(GraphEdge::label)
                .toList();
    }

    private static void append(StringBuilder sb, String what, List<String> items) {
        if (!items.isEmpty()) {
            sb.append("\n").append(what).append(": ").append(String.join(" ", items));
        }
    }
}
