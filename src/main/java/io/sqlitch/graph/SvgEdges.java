package io.sqlitch.graph;

/**
 * Draws the trunks of a {@link LaneLayout}: a stub leaving the source box a little below its middle, the vertical
 * lane, and for each target a branch (a dot where it leaves the lane) ending in an arrowhead a little above the
 * target's middle, so what leaves and what arrives at one box never share a line.
 */
final class SvgEdges {

    // Distinguishable on white and for most colour-blind readers (Okabe-Ito and Tol's bright, minus yellow).
    private static final String[] PALETTE = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
            "#4477aa", "#228833", "#aa3377", "#66ccee"};
    static final String CONFLICT = "#c62828";
    static final String REWORK = "#7b1fa2";

    private final PlanGraph graph;
    private final SvgGeometry geo;
    private final StringBuilder out;

    SvgEdges(PlanGraph graph, SvgGeometry geo, StringBuilder out) {
        this.graph = graph;
        this.geo = geo;
        this.out = out;
    }

    static String color(Trunk trunk) {
        return switch (trunk.kind()) {
            case CONFLICTS -> CONFLICT;
            case REWORK -> REWORK;
            case REQUIRES -> PALETTE[trunk.lane() % PALETTE.length];
        };
    }

    void left(Trunk trunk) {
        int x = geo.leftLaneX(trunk.lane());
        int box = geo.boxX;
        open(trunk);
        int sourceY = geo.rowMiddle(trunk.sourceRow()) + 3;
        out.append("<path d=\"M").append(box).append(',').append(sourceY).append('H').append(x);
        int top = sourceY;
        int bottom = sourceY;
        for (int row : trunk.targetRows()) {
            int y = geo.rowMiddle(row) - 3;
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
        }
        out.append("M").append(x).append(',').append(top).append('V').append(bottom);
        for (int row : trunk.targetRows()) {
            int y = geo.rowMiddle(row) - 3;
            out.append("M").append(x).append(',').append(y).append('H').append(box - 5);
        }
        out.append("\"/>\n");
        for (int row : trunk.targetRows()) {
            int y = geo.rowMiddle(row) - 3;
            arrow(box, y, -1);
            out.append("<circle class=\"junction\" cx=\"").append(x).append("\" cy=\"").append(y)
                    .append("\" r=\"2.2\"/>\n");
        }
        out.append("</g>\n");
    }

    void right(Trunk trunk) {
        int x = geo.rightLaneX(trunk.lane());
        int box = geo.boxX + geo.boxWidth;
        open(trunk);
        int sourceY = geo.rowMiddle(trunk.sourceRow());
        out.append("<path d=\"M").append(box).append(',').append(sourceY).append('H').append(x);
        for (int row : trunk.targetRows()) {
            int y = geo.rowMiddle(row);
            out.append("V").append(y).append('H').append(box + 5).append('M').append(x).append(',').append(y);
        }
        out.append("\"/>\n");
        trunk.targetRows().forEach(row -> arrow(box, geo.rowMiddle(row), 1));
        out.append("</g>\n");
    }

    private void open(Trunk trunk) {
        String color = color(trunk);
        out.append("<g class=\"edge ").append(trunk.kind().cssClass()).append("\" data-from=\"")
                .append(trunk.from()).append("\" stroke=\"").append(color).append("\" fill=\"").append(color)
                .append("\"><title>").append(Escape.xml(title(trunk))).append("</title>\n");
    }

    private String title(Trunk trunk) {
        String from = graph.label(trunk.from());
        return switch (trunk.kind()) {
            case REQUIRES -> trunk.targetRows().size() + (trunk.targetRows().size() == 1 ? " change requires "
                    : " changes require ") + from;
            case CONFLICTS -> trunk.targetRows().size() + (trunk.targetRows().size() == 1 ? " change conflicts"
                    : " changes conflict") + " with " + from;
            case REWORK -> from + " reworked";
        };
    }

    /** An arrowhead whose tip touches the box edge at {@code x}; {@code side} -1 from the left, 1 from the right. */
    private void arrow(int x, int y, int side) {
        int base = x - side * 6;
        out.append("<path class=\"head\" stroke=\"none\" d=\"M").append(x).append(',').append(y).append('L')
                .append(base).append(',').append(y - 3.5).append('L').append(base).append(',').append(y + 3.5)
                .append("Z\"/>\n");
    }
}
