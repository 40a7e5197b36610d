package io.sqlitch.graph;

/** Whether a change is in the target's registry; {@link #UNKNOWN} when the graph was drawn without a target. */
public enum NodeStatus {
    DEPLOYED, PENDING, UNKNOWN;

    /** The CSS/Mermaid class name. */
    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
