package io.sqlitch.graph;

/**
 * A node outside the plan: a change of another project, or a dependency the plan does not hold.
 *
 * @param index   its node index (after the changes)
 * @param key     the dependency as written ({@code other:users}, or {@code gone} for a missing one)
 * @param missing true when it names this project but no change of the plan
 */
public record ExternalNode(int index, String key, boolean missing) {
}
