package io.sqlitch.registry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An {@code events} row read back. {@code requires}, {@code conflicts} and {@code tags} are the raw column
 * texts: deploy/fail rows join tags with a space, revert rows with a comma; the list accessors split either.
 */
public record RegistryEvent(String event, String project, String changeId, String change, String note,
                            String requires, String conflicts, String tags, Identity committer,
                            Instant committedAt, Identity planner, Instant plannedAt) {

    /** The tags as a list, whichever separator the row used. */
    public List<String> tagList() {
        return split(tags, "[ ,]");
    }

    public List<String> requiresList() {
        return split(requires, ",");
    }

    public List<String> conflictsList() {
        return split(conflicts, ",");
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isEmpty() ? List.of()
                : Arrays.stream(text.split(separator)).filter(s -> !s.isEmpty()).toList();
    }
}
