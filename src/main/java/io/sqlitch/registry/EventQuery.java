package io.sqlitch.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters for {@link Registry#searchEvents} (Sqitch's {@code search_events}). Null means "no filter"; the
 * patterns are regular expressions matched anywhere in the column.
 *
 * @param events    event types to keep ({@code deploy}, {@code revert}, {@code fail}, {@code merge}); empty = all
 * @param change    pattern on {@code change}
 * @param project   pattern on {@code project}
 * @param committer pattern on {@code committer_name}
 * @param planner   pattern on {@code planner_name}
 * @param limit     at most this many rows (null or 0: no limit)
 * @param offset    skip this many rows (null or 0: none)
 * @param ascending oldest first ({@code --reverse}); default newest first
 */
public record EventQuery(List<String> events, String change, String project, String committer, String planner,
                         Integer limit, Integer offset, boolean ascending) {

    public EventQuery {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The patterns given, by the events column each is matched against, in Sqitch's order. */
    public Map<String, String> patternsByColumn() {
        Map<String, String> patterns = new LinkedHashMap<>();
        String[][] all = {{"e.committer_name", committer}, {"e.planner_name", planner}, {"e.change", change},
            {"e.project", project}};
        for (String[] p : all) {
            if (p[1] != null) {
                patterns.put(p[0], p[1]);
            }
        }
        return patterns;
    }

    /** Every event, newest first. */
    public static EventQuery all() {
        return new EventQuery(List.of(), null, null, null, null, null, null, false);
    }
}
