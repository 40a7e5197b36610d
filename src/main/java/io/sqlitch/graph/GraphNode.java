package io.sqlitch.graph;

import java.util.List;

/**
 * A change of the plan as a node.
 *
 * @param index      its place in the plan (0-based)
 * @param id         its change ID
 * @param name       its name
 * @param tags       the tags right after it, without "@"
 * @param note       its note ("" when none)
 * @param planned    the planner and date, as {@code sqitch plan} would show them
 * @param revert     true for a {@code -} line
 * @param reworkOf   index of the earlier instance this change reworks, or -1
 * @param reworkedBy index of the later instance that reworks this one, or -1
 * @param status     deployed, pending, or unknown without a target
 */
public record GraphNode(int index, String id, String name, List<String> tags, String note, String planned,
                        boolean revert, int reworkOf, int reworkedBy, NodeStatus status) {

    public GraphNode {
        tags = List.copyOf(tags);
    }

    /** {@code name} followed by its tags ({@code users @v1.0}). */
    public String nameWithTags() {
        StringBuilder sb = new StringBuilder(name);
        tags.forEach(t -> sb.append(" @").append(t));
        return sb.toString();
    }
}
