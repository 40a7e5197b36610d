package io.sqlitch.format;

import java.time.Instant;
import java.util.List;

/**
 * One event or planned change, as the {@code log}, {@code plan} and {@code status} commands hand it to
 * {@link ItemFormatter}: the keys of the hash Sqitch passes to {@code App::Sqitch::ItemFormatter->format}.
 *
 * <p>A null field is an absent key: plan items have no committer, and {@code %{committer_name}a} on them is an
 * error just as in Sqitch. Lists are never null for a present key (use {@link List#of()}).
 *
 * @param event       {@code deploy}, {@code revert} or {@code fail}
 * @param tags        tag names with their {@code @}, e.g. {@code @v1.0}
 * @param requires    dependency specs as written in the plan
 * @param conflicts   conflict specs as written in the plan (without the {@code !})
 */
public record FormatItem(
        String event,
        String project,
        String changeId,
        String change,
        String note,
        List<String> tags,
        List<String> requires,
        List<String> conflicts,
        String committerName,
        String committerEmail,
        Instant committedAt,
        String plannerName,
        String plannerEmail,
        Instant plannedAt) {

    public FormatItem {
        tags = tags == null ? null : List.copyOf(tags);
        requires = requires == null ? null : List.copyOf(requires);
        conflicts = conflicts == null ? null : List.copyOf(conflicts);
    }

    /** A registry event, as {@code sqitch log} formats it. */
    public static FormatItem event(String event, String project, String changeId, String change, String note,
            List<String> tags, List<String> requires, List<String> conflicts, String committerName,
            String committerEmail, Instant committedAt, String plannerName, String plannerEmail,
            Instant plannedAt) {
        return new FormatItem(event, project, changeId, change, note, tags, requires, conflicts, committerName,
                committerEmail, committedAt, plannerName, plannerEmail, plannedAt);
    }

    /** A planned change, as {@code sqitch plan} formats it (no committer keys). */
    public static FormatItem planned(String event, String project, String changeId, String change, String note,
            List<String> tags, List<String> requires, List<String> conflicts, String plannerName,
            String plannerEmail, Instant plannedAt) {
        return new FormatItem(event, project, changeId, change, note, tags, requires, conflicts, null, null, null,
                plannerName, plannerEmail, plannedAt);
    }

    /** The value of a hash key named as Sqitch names it ({@code change_id}, {@code committed_at}, ...). */
    Object attribute(String key) {
        return switch (key) {
            case "event" -> event;
            case "project" -> project;
            case "change_id" -> changeId;
            case "change" -> change;
            case "note" -> note;
            case "tags" -> tags;
            case "requires" -> requires;
            case "conflicts" -> conflicts;
            case "committer_name" -> committerName;
            case "committer_email" -> committerEmail;
            case "committed_at" -> committedAt;
            case "planner_name" -> plannerName;
            case "planner_email" -> plannerEmail;
            case "planned_at" -> plannedAt;
            default -> null;
        };
    }
}
