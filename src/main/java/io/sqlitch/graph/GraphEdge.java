package io.sqlitch.graph;

/**
 * One edge between two nodes of a {@link PlanGraph}, by node index (changes first, then external nodes).
 *
 * @param kind  what it means
 * @param from  the required, conflicting or earlier node
 * @param to    the change that declares the dependency (or the rework)
 * @param label the dependency as written in the plan ({@code !x}, {@code other:y@v1}); "" for a rework
 */
public record GraphEdge(EdgeKind kind, int from, int to, String label) {
}
