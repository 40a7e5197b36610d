package io.sqlitch.graph;

/** The legend under the title: one sample of every mark the picture uses, boxes on one line, lines on the next. */
final class SvgLegend {

    private static final int BOXES = 58;
    private static final int LINES = 80;

    private SvgLegend() {
    }

    /** Appends the legend and returns the x where its longer line ends. */
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
        int boxes = box(out, x, "missing", "not in plan");
        x = line(out, SvgGeometry.MARGIN, "requires", "#0072b2", "required \u2192 requiring");
        x = line(out, x, "conflicts", SvgEdges.CONFLICT, "conflicts");
        x = line(out, x, "rework", SvgEdges.REWORK, "\u21bb rework");
        out.append("<line class=\"tagrule\" x1=\"").append(x).append("\" y1=\"").append(LINES + 7)
                .append("\" x2=\"").append(x + 24).append("\" y2=\"").append(LINES + 7).append("\"/>\n");
        x += 30;
        x = label(out, x, LINES, "sub", "tag");
        x = label(out, x, LINES, "far", "\u2191 12 name");
        x = label(out, x - 8, LINES, "sub", "requires change 12, too far up to draw");
        out.append("</g>\n");
        return Math.max(boxes, x);
    }

    private static int box(StringBuilder out, int x, String classes, String label) {
        out.append("<g class=\"node ").append(classes).append("\"><rect x=\"").append(x).append("\" y=\"")
                .append(BOXES).append("\" width=\"20\" height=\"14\" rx=\"3\"/></g>\n");
        return label(out, x + 26, BOXES, "sub", label);
    }

    private static int label(StringBuilder out, int x, int y, String cssClass, String label) {
        SvgRenderer.text(out, cssClass, x, y + 11, label);
        return x + SvgGeometry.textWidth(label) + 14;
    }

    private static int line(StringBuilder out, int x, String kind, String color, String label) {
        int y = LINES + 7;
        out.append("<g class=\"edge ").append(kind).append("\" stroke=\"").append(color).append("\" fill=\"")
                .append(color).append("\"><path d=\"M").append(x).append(',').append(y).append("H").append(x + 20)
                .append("\"/><path class=\"head\" d=\"M").append(x + 26).append(',').append(y).append("L")
                .append(x + 20).append(',').append(y - 4).append("L").append(x + 20).append(',').append(y + 4)
                .append("Z\"/></g>\n");
        return label(out, x + 32, LINES, "sub", label);
    }
}
