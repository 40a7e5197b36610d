package io.sqlitch.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan graph as one self-contained SVG (no script, no external font or stylesheet): a title and legend, then
 * one row per node in plan order with its box, tags and note, the lanes of {@link LaneLayout} beside the boxes,
 * and a dashed rule under every tagged change. Every box and edge carries a {@code <title>} tooltip.
 */
public final class SvgRenderer {

    static final int MAX_NOTE = 72;

    private static final String STYLE = """
            <style>
            text{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:12px;fill:#1f2933}
            .title{font-size:16px;font-weight:bold}
            .sub,.num,.note{fill:#616e7c}
            .num{font-size:10px;text-anchor:end}
            .node rect{stroke-width:1.2}
            .unknown rect{fill:#eef2f7;stroke:#4a6785}
            .deployed rect{fill:#d7f0dc;stroke:#2e7d32}
            .pending rect{fill:#fff4d6;stroke:#b26a00}
            .current rect{stroke-width:2.6}
            .external rect{fill:#ffffff;stroke:#4a6785;stroke-dasharray:4 2}
            .missing rect{fill:#fdecea;stroke:#c62828;stroke-dasharray:4 2}
            .reworked rect{stroke-dasharray:5 2}
            .reworked text{fill:#7b8794}
            .edge path{fill:none;stroke-width:1.4}
            .edge path.head{stroke:none;fill:inherit}
            .edge.conflicts path{stroke-dasharray:4 3}
            .edge.rework path{stroke-dasharray:2 2}
            .edge circle{stroke:none;fill:inherit}
            .tagrule{stroke:#9aa5b1;stroke-dasharray:6 3}
            .tag rect{fill:#e8eaf6;stroke:#3949ab}
            .tag text{fill:#283593;font-size:11px}
            .far{fill:#0072b2;font-weight:bold}
            .far.conflicts{fill:#c62828}
            .far.rework{fill:#7b1fa2}
            </style>
            """;

    private SvgRenderer() {
    }

    public static String render(PlanGraph graph) {
        LaneLayout layout = LaneLayout.of(graph);
        SvgGeometry geo = new SvgGeometry(graph, layout);
        StringBuilder legend = new StringBuilder();
        List<List<String>> far = farReferences(graph, layout);
        int width = Math.max(geo.textX + textColumn(graph, far),
                SvgLegend.render(graph, legend) + SvgGeometry.MARGIN);
        int height = geo.rowTop(layout.rowCount()) + SvgGeometry.MARGIN;
        StringBuilder out = new StringBuilder(4096 + graph.nodeCount() * 600);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Escape.xml("Plan of " + graph.project()))
                .append("\">\n").append(STYLE);
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        header(graph, out);
        out.append(legend);
        tagRules(graph, layout, geo, width, out);
        SvgEdges edges = new SvgEdges(graph, geo, out);
        layout.left().forEach(edges::left);
        layout.right().forEach(edges::right);
        for (int node = 0; node < graph.nodeCount(); node++) {
            node(graph, node, layout.row(node), geo, far, out);
        }
        return out.append("</svg>\n").toString();
    }

    private static int textColumn(PlanGraph graph, List<List<String>> far) {
        int widest = 0;
        for (GraphNode change : graph.changes()) {
            int tags = change.tags().stream().mapToInt(t -> SvgGeometry.textWidth("@" + t) + 14).sum();
            int refs = far.get(change.index()).stream().mapToInt(r -> SvgGeometry.textWidth(r) + 10).sum();
            int note = SvgGeometry.textWidth(Escape.truncate(change.note(), MAX_NOTE));
            widest = Math.max(widest, tags + refs + note);
        }
        return widest + SvgGeometry.MARGIN;
    }

    /**
     * For each change, the far edges named beside it instead of drawn: {@code ↑ 12 users} (required),
     * {@code ≠ 7 old} (conflict), {@code ↻ 3} (reworks change 3, unless it also requires it, which says as much).
     */
    static List<List<String>> farReferences(PlanGraph graph, LaneLayout layout) {
        List<List<String>> refs = new ArrayList<>();
        graph.changes().forEach(c -> refs.add(new ArrayList<>()));
        for (GraphEdge edge : layout.far()) {
            String number = graph.isExternal(edge.from()) ? "" : (edge.from() + 1) + " ";
            String ref = switch (edge.kind()) {
                case REQUIRES -> (layout.row(edge.from()) < layout.row(edge.to()) ? "\u2191 " : "\u2193 ") + number
                        + graph.label(edge.from());
                case CONFLICTS -> "\u2260 " + number + graph.label(edge.from());
                case REWORK -> requires(graph, edge.to(), edge.from()) ? null : "\u21bb " + (edge.from() + 1);
            };
            if (ref != null) {
                refs.get(edge.to()).add(ref);
            }
        }
        return refs;
    }

    private static boolean requires(PlanGraph graph, int change, int required) {
        return graph.edges().stream().anyMatch(e -> e.kind() == EdgeKind.REQUIRES && e.to() == change
                && e.from() == required);
    }

    private static void header(PlanGraph graph, StringBuilder out) {
        long tags = graph.changes().stream().mapToLong(c -> c.tags().size()).sum();
        long reworks = graph.changes().stream().filter(c -> c.reworkOf() >= 0).count();
        StringBuilder title = new StringBuilder("Plan of ").append(graph.project()).append(": ")
                .append(plural(graph.changes().size(), "change"));
        if (tags > 0) {
            title.append(", ").append(plural(tags, "tag"));
        }
        if (reworks > 0) {
            title.append(", ").append(plural(reworks, "rework"));
        }
        if (!graph.externals().isEmpty()) {
            title.append(", ").append(plural(graph.externals().size(), "node", "nodes")).append(" outside the plan");
        }
        text(out, "title", SvgGeometry.MARGIN, 24, title.toString());
        String sub = graph.target().map(t -> t.destination() + ": " + graph.count(NodeStatus.DEPLOYED)
                        + " deployed, " + graph.count(NodeStatus.PENDING) + " pending")
                .orElse("No target given: deployment status not shown");
        text(out, "sub", SvgGeometry.MARGIN, 44, sub);
    }

    static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    static String plural(long n, String one, String many) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
    }

    private static void tagRules(PlanGraph graph, LaneLayout layout, SvgGeometry geo, int width, StringBuilder out) {
        for (GraphNode change : graph.changes()) {
            if (!change.tags().isEmpty()) {
                int y = geo.rowTop(layout.row(change.index()) + 1);
                out.append("<line class=\"tagrule\" x1=\"").append(SvgGeometry.MARGIN).append("\" y1=\"").append(y)
                        .append("\" x2=\"").append(width - SvgGeometry.MARGIN).append("\" y2=\"").append(y)
                        .append("\"/>\n");
            }
        }
    }

    private static void node(PlanGraph graph, int node, int row, SvgGeometry geo, List<List<String>> far,
                             StringBuilder out) {
        int top = geo.rowTop(row);
        int baseline = geo.rowMiddle(row) + 4;
        boolean external = graph.isExternal(node);
        GraphNode change = external ? null : graph.changes().get(node);
        out.append("<g class=\"node ").append(classes(graph, node)).append("\" id=\"")
                .append(external ? "external-" + (node - graph.changes().size()) : "change-" + node)
                .append("\"><title>").append(Escape.xml(NodeTitle.of(graph, node))).append("</title>\n");
        out.append("<rect x=\"").append(geo.boxX).append("\" y=\"").append(top + 3).append("\" width=\"")
                .append(geo.boxWidth).append("\" height=\"").append(SvgGeometry.ROW - 6).append("\" rx=\"4\"/>\n");
        text(out, null, geo.boxX + 8, baseline,
                Escape.truncate(SvgGeometry.boxLabel(graph, node), SvgGeometry.MAX_NAME));
        out.append("</g>\n");
        if (external) {
            text(out, "note", geo.textX, baseline, graph.external(node).missing() ? "not in the plan"
                    : "another project");
            return;
        }
        text(out, "num", geo.gutter, baseline, String.valueOf(node + 1));
        int x = geo.textX;
        for (String tag : change.tags()) {
            int w = SvgGeometry.textWidth("@" + tag) + 8;
            out.append("<g class=\"tag\"><rect x=\"").append(x).append("\" y=\"").append(top + 4)
                    .append("\" width=\"").append(w).append("\" height=\"").append(SvgGeometry.ROW - 8)
                    .append("\" rx=\"7\"/>");
            text(out, null, x + 4, baseline - 1, "@" + tag);
            out.append("</g>\n");
            x += w + 6;
        }
        for (String ref : far.get(node)) {
            String kind = ref.startsWith("\u2260") ? "far conflicts" : ref.startsWith("\u21bb") ? "far rework" : "far";
            text(out, kind, x, baseline, ref);
            x += SvgGeometry.textWidth(ref) + 10;
        }
        if (!change.note().isEmpty()) {
            text(out, "note", x, baseline, Escape.truncate(change.note(), MAX_NOTE));
        }
    }

    static String classes(PlanGraph graph, int node) {
        if (graph.isExternal(node)) {
            return graph.external(node).missing() ? "missing" : "external";
        }
        GraphNode change = graph.changes().get(node);
        StringBuilder sb = new StringBuilder(change.status().cssClass());
        if (change.reworkedBy() >= 0) {
            sb.append(" reworked");
        }
        if (change.reworkOf() >= 0) {
            sb.append(" rework");
        }
        if (change.revert()) {
            sb.append(" revert");
        }
        if (graph.target().flatMap(TargetState::current).filter(c -> c.id().equals(change.id())).isPresent()) {
            sb.append(" current");
        }
        return sb.toString();
    }

    static void text(StringBuilder out, String cssClass, int x, int y, String text) {
        out.append("<text");
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append(" x=\"").append(x).append("\" y=\"").append(y).append("\">").append(Escape.xml(text))
                .append("</text>\n");
    }
}
