package io.sqlitch.graph;

/**
 * The plan graph in Graphviz DOT, for {@code dot -Tsvg} or any DOT viewer: node {@code cN} is change N of the
 * plan (0-based), {@code xN} external node N; an invisible chain keeps the changes in plan order from top to
 * bottom; requires edges point from the required change to the one requiring it (deployment order). Graphviz
 * needs minutes for a few hundred changes: for those the SVG is the picture.
 */
public final class DotRenderer {

    private DotRenderer() {
    }

    public static String render(PlanGraph graph) {
        StringBuilder out = new StringBuilder(1024 + graph.nodeCount() * 160);
        out.append("digraph \"").append(Escape.dot(graph.project())).append("\" {\n")
                .append("  graph [rankdir=TB, labelloc=t, fontname=\"Helvetica\", label=\"")
                .append(Escape.dot("Plan of " + graph.project())).append("\"];\n")
                .append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n")
                .append("  edge [color=\"#0072b2\", fontname=\"Helvetica\", fontsize=10];\n");
        for (int node = 0; node < graph.nodeCount(); node++) {
            NodeColors colors = NodeColors.of(graph, node);
            out.append("  ").append(id(graph, node)).append(" [label=\"").append(Escape.dot(label(graph, node)))
                    .append("\", tooltip=\"").append(Escape.dot(NodeTitle.of(graph, node)))
                    .append("\", class=\"").append(SvgRenderer.classes(graph, node))
                    .append("\", fillcolor=\"").append(colors.fill).append("\", color=\"").append(colors.stroke)
                    .append('"');
            if (graph.isExternal(node) || graph.changes().get(node).reworkedBy() >= 0) {
                out.append(", style=\"rounded,filled,dashed\"");
            }
            out.append("];\n");
        }
        for (int i = 1; i < graph.changes().size(); i++) {
            out.append("  c").append(i - 1).append(" -> c").append(i).append(" [style=invis];\n");
        }
        for (GraphEdge edge : graph.edges()) {
            out.append("  ").append(id(graph, edge.from())).append(" -> ").append(id(graph, edge.to()));
            switch (edge.kind()) {
                case REQUIRES -> out.append(" [tooltip=\"").append(Escape.dot(edge.label())).append("\"]");
                case CONFLICTS -> out.append(" [style=dashed, color=\"").append(SvgEdges.CONFLICT)
                        .append("\", arrowhead=tee, label=\"conflicts\", tooltip=\"")
                        .append(Escape.dot(edge.label())).append("\"]");
                case REWORK -> out.append(" [style=dotted, color=\"").append(SvgEdges.REWORK)
                        .append("\", label=\"rework\"]");
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    static String id(PlanGraph graph, int node) {
        return graph.isExternal(node) ? "x" + (node - graph.changes().size()) : "c" + node;
    }

    /** A change's name with its tags on a second line; an external node's key. */
    static String label(PlanGraph graph, int node) {
        if (graph.isExternal(node)) {
            return graph.external(node).key();
        }
        GraphNode change = graph.changes().get(node);
        String tags = change.tags().isEmpty() ? "" : "\n@" + String.join(" @", change.tags());
        return SvgGeometry.boxLabel(graph, node) + tags;
    }
}
