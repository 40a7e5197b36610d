package io.sqlitch.graph;

import java.util.List;

/**
 * One vertical line of the lane layout: all edges of one kind leaving one node share it, from the node's row down
 * (or up) to its farthest target, with a branch into each target row.
 *
 * @param kind       what its edges mean
 * @param from       the node the edges leave
 * @param sourceRow  that node's row
 * @param targetRows the rows of the changes the edges reach, in plan order
 * @param lane       its lane: 0 is next to the boxes, higher is farther out
 */
public record Trunk(EdgeKind kind, int from, int sourceRow, List<Integer> targetRows, int lane) {

    public Trunk {
        targetRows = List.copyOf(targetRows);
    }

    public int top() {
        return Math.min(sourceRow, targetRows.stream().mapToInt(Integer::intValue).min().orElse(sourceRow));
    }

    public int bottom() {
        return Math.max(sourceRow, targetRows.stream().mapToInt(Integer::intValue).max().orElse(sourceRow));
    }

    Trunk inLane(int newLane) {
        return new Trunk(kind, from, sourceRow, targetRows, newLane);
    }
}
