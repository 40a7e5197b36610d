package io.sqlitch.graph;

/** What an edge of the plan graph means. */
public enum EdgeKind {
    /** {@code to} requires {@code from}: {@code from} deploys first. */
    REQUIRES,
    /** {@code to} declares a conflict with {@code from}. */
    CONFLICTS,
    /** {@code to} is a rework of the earlier instance {@code from} of the same change. */
    REWORK;

    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
