package io.sqlitch.graph;

/** The legend line under the title: one sample of every mark the picture uses. */
final class SvgLegend {

    private static final int Y = 60;

    private SvgLegend() {
    }

    /** Appends the legend and returns the x where it ends. */
    static int render(PlanGraph graph, StringBuilder out) {
        out.append("<g class=\"legend\">\n");
        int x = SvgGeometry.MARGIN;
        if (graph.target().isPresent()) {
            x = box(out, x, "deployed", "deployed");
            x = box(out, x, "pending", "pending");
            x = box(out, x, "deployed current", "last deployed");
        } else {
            x = box(out, x, "unknown", "change");
        }
        x = box(out, x, "unknown reworked", "reworked later");
        x = box(out, x, "external", "other project");
        x = box(out, x, "missing", "not in plan");
        x = line(out, x, "requires", "#0072b2", "requirement \u2192 dependent");
        x = line(out, x, "conflicts", SvgEdges.CONFLICT, "conflicts");
        x = line(out, x, "rework", SvgEdges.REWORK, "rework (\u21bb)");
        out.append("<line class=\"tagrule\" x1=\"").append(x).append("\" y1=\"").append(Y + 7).append("\" x2=\"")
                .append(x + 24).append("\" y2=\"").append(Y + 7).append("\"/>\n");
        SvgRenderer.text(out, "sub", x + 30, Y + 11, "tag");
        out.append("</g>\n");
        return x + 30 + SvgGeometry.textWidth("tag");
    }

    private static int box(StringBuilder out, int x, String classes, String label) {
        out.append("<g class=\"node ").append(classes).append("\"><rect x=\"").append(x).append("\" y=\"").append(Y)
                .append("\" width=\"20\" height=\"14\" rx=\"3\"/></g>\n");
        SvgRenderer.text(out, "sub", x + 26, Y + 11, label);
        return x + 26 + SvgGeometry.textWidth(label) + 14;
    }

    private static int line(StringBuilder out, int x, String kind, String color, String label) {
        out.append("<g class=\"edge ").append(kind).append("\" stroke=\"").append(color).append("\" fill=\"")
                .append(color).append("\"><path d=\"M").append(x).append(',').append(Y + 7).append("H").append(x + 20)
                .append("\"/><path class=\"head\" d=\"M").append(x + 26).append(',').append(Y + 7).append("L")
                .append(x + 20).append(',').append(Y + 3).append("L").append(x + 20).append(',').append(Y + 11)
                .append("Z\"/></g>\n");
        SvgRenderer.text(out, "sub", x + 32, Y + 11, label);
        return x + 32 + SvgGeometry.textWidth(label) + 14;
    }
}
