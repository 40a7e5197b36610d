package io.sqlitch.graph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The plan graph as a Mermaid flowchart, for a {@code ```mermaid} block in Markdown: the same node IDs and edge
 * directions as {@link DotRenderer}; conflicts are dotted with a cross, reworks dotted and labelled; status and
 * external nodes are classes.
 */
public final class MermaidRenderer {

    private MermaidRenderer() {
    }

    public static String render(PlanGraph graph) {
        StringBuilder out = new StringBuilder(512 + graph.nodeCount() * 60);
        out.append("flowchart TB\n");
        Map<NodeColors, List<String>> byClass = new EnumMap<>(NodeColors.class);
        for (int node = 0; node < graph.nodeCount(); node++) {
            String id = DotRenderer.id(graph, node);
            String label = Escape.mermaid(SvgGeometry.boxLabel(graph, node));
            if (!graph.isExternal(node) && !graph.changes().get(node).tags().isEmpty()) {
                label += "<br>" + Escape.mermaid("@" + String.join(" @", graph.changes().get(node).tags()));
            }
            out.append("  ").append(id).append(graph.isExternal(node) ? "[/\"" : "[\"").append(label)
                    .append(graph.isExternal(node) ? "\"/]\n" : "\"]\n");
            byClass.computeIfAbsent(NodeColors.of(graph, node), k -> new ArrayList<>()).add(id);
        }
        for (GraphEdge edge : graph.edges()) {
            out.append("  ").append(DotRenderer.id(graph, edge.from())).append(switch (edge.kind()) {
                case REQUIRES -> " --> ";
                case CONFLICTS -> " -. conflicts .-x ";
                case REWORK -> " -. rework .-> ";
            }).append(DotRenderer.id(graph, edge.to())).append('\n');
        }
        byClass.forEach((colors, ids) -> {
            out.append("  classDef ").append(colors.cssClass()).append(" fill:").append(colors.fill)
                    .append(",stroke:").append(colors.stroke);
            if (colors == NodeColors.EXTERNAL || colors == NodeColors.MISSING) {
                out.append(",stroke-dasharray:4 2");
            }
            out.append('\n').append("  class ").append(String.join(",", ids)).append(' ')
                    .append(colors.cssClass()).append('\n');
        });
        return out.toString();
    }
}
