package io.sqlitch.graph;

/**
 * Where things go in the SVG: rows {@link #ROW} pixels high, a monospace font so text widths are known without
 * measuring, left lanes between the row numbers and the boxes, right lanes between the boxes and the tags/notes.
 */
final class SvgGeometry {

    static final int ROW = 22;
    static final double CHAR = 7.3;
    static final int LANE = 9;
    static final int MARGIN = 16;
    static final int HEADER = 112;
    static final int MAX_NAME = 48;

    final int gutter;
    final int boxX;
    final int boxWidth;
    final int rightX;
    final int textX;
    final int leftLanes;
    final int rightLanes;

    SvgGeometry(PlanGraph graph, LaneLayout layout) {
        int digits = String.valueOf(Math.max(1, graph.changes().size())).length();
        gutter = MARGIN + (int) Math.ceil((digits + 1) * CHAR);
        leftLanes = layout.leftLanes();
        rightLanes = layout.rightLanes();
        boxX = gutter + 10 + leftLanes * LANE;
        int longest = 8;
        for (int node = 0; node < graph.nodeCount(); node++) {
            longest = Math.max(longest, Math.min(MAX_NAME, boxLabel(graph, node).length()));
        }
        boxWidth = (int) Math.ceil(longest * CHAR) + 16;
        rightX = boxX + boxWidth + 6;
        textX = rightX + rightLanes * LANE + 8;
    }

    /** The text inside a node's box: a rework is marked with ↻, a {@code -} line with −. */
    static String boxLabel(PlanGraph graph, int node) {
        if (graph.isExternal(node)) {
            return graph.external(node).key();
        }
        GraphNode change = graph.changes().get(node);
        return (change.revert() ? "\u2212 " : "") + (change.reworkOf() >= 0 ? "\u21bb " : "") + change.name();
    }

    int rowTop(int row) {
        return HEADER + row * ROW;
    }

    int rowMiddle(int row) {
        return rowTop(row) + ROW / 2;
    }

    int leftLaneX(int lane) {
        return boxX - 8 - lane * LANE;
    }

    int rightLaneX(int lane) {
        return rightX + 3 + lane * LANE;
    }

    static int textWidth(String s) {
        return (int) Math.ceil(s.length() * CHAR);
    }
}
