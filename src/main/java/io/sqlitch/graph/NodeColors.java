package io.sqlitch.graph;

/** Fill and border colours by status, shared by the DOT and Mermaid outputs (the SVG has them in its style). */
enum NodeColors {
    UNKNOWN("#eef2f7", "#4a6785"),
    DEPLOYED("#d7f0dc", "#2e7d32"),
    PENDING("#fff4d6", "#b26a00"),
    EXTERNAL("#ffffff", "#4a6785"),
    MISSING("#fdecea", "#c62828");

    final String fill;
    final String stroke;

    NodeColors(String fill, String stroke) {
        this.fill = fill;
        this.stroke = stroke;
    }

    static NodeColors of(PlanGraph graph, int node) {
        if (graph.isExternal(node)) {
            return graph.external(node).missing() ? MISSING : EXTERNAL;
        }
        return valueOf(graph.changes().get(node).status().name());
    }

    String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
