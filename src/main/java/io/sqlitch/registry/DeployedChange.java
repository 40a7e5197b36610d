package io.sqlitch.registry;

import java.time.Instant;
import java.util.List;

/**
 * A {@code changes} row read back, with its tags.
 *
 * @param id          change_id
 * @param scriptHash  script_hash (null when none)
 * @param name        change
 * @param project     project
 * @param note        note
 * @param committer   committer_name/email
 * @param committedAt committed_at (UTC, ms)
 * @param planner     planner_name/email
 * @param plannedAt   planned_at (UTC)
 * @param tags        its tags ({@code @name}), in SQLite's {@code group_concat} order
 */
public record DeployedChange(String id, String scriptHash, String name, String project, String note,
                             Identity committer, Instant committedAt, Identity planner, Instant plannedAt,
                             List<String> tags) {

    public DeployedChange {
        tags = List.copyOf(tags);
    }

    /** {@code name @t1 @t2}: Sqitch's {@code format_name_with_tags}. */
    public String nameWithTags() {
        return tags.isEmpty() ? name : name + " " + String.join(" ", tags);
    }
}
