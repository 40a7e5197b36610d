package io.sqlitch.registry;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan change as the registry logs it on deploy or fail: plain values, independent of the plan classes.
 *
 * @param id         the change id
 * @param scriptHash SHA-1 of the deploy script, or null when it does not exist
 * @param name       the change name
 * @param project    the plan's project
 * @param note       the note ({@code ""} when none)
 * @param plannedAt  the plan timestamp
 * @param planner    the planner
 * @param requires   required changes in plan order, each with its resolved change id
 * @param conflicts  conflicting changes in plan order
 * @param tags       the tags the plan puts on this change, in plan order
 */
public record ChangeRecord(String id, String scriptHash, String name, String project, String note,
                           Instant plannedAt, Identity planner, List<Dependency> requires,
                           List<Dependency> conflicts, List<TagRecord> tags) {

    public ChangeRecord {
        note = note == null ? "" : note;
        requires = List.copyOf(requires);
        conflicts = List.copyOf(conflicts);
        tags = List.copyOf(tags);
    }

    /** The events row's {@code tags}: format names joined by a space (Sqitch's {@code _log_tags_param}). */
    String eventTags() {
        return tags.stream().map(TagRecord::formatName).collect(Collectors.joining(" "));
    }

    /** The events row's {@code requires}: {@code as_string}s joined by a comma, no space. */
    String eventRequires() {
        return requires.stream().map(Dependency::asString).collect(Collectors.joining(","));
    }

    /** The events row's {@code conflicts}: {@code as_string}s joined by a comma, no space. */
    String eventConflicts() {
        return conflicts.stream().map(Dependency::asString).collect(Collectors.joining(","));
    }
}
