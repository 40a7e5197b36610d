package io.sqlitch.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tag line ({@code @name ts planner # note}), attached to the change line before it.
 *
 * @param name       the tag name without "@"
 * @param changeId   the ID of the tagged change
 * @param changeName the name of the tagged change
 * @param lineNumber 1-based line number in the parsed file (0 when not parsed from a file)
 */
public record Tag(String lspace, String name, Instant timestamp, Planner planner, String rspace, String note,
                  int lineNumber, String project, String uri, String changeId, String changeName) implements PlanLine {

    /** The tag ID: SHA-1 of {@code "tag <len>\0" + info()}. */
    public String id() {
        return Ids.objectId("tag", info());
    }

    /** {@code @name}. */
    public String formatName() {
        return "@" + name;
    }

    public String timestampString() {
        return Ids.formatTimestamp(timestamp);
    }

    /** The text {@code sqitch show tag} prints (without the final newline). */
    public String info() {
        List<String> lines = new ArrayList<>();
        lines.add("project " + project);
        if (uri != null && !uri.isEmpty()) {
            lines.add("uri " + Uris.canonical(uri));
        }
        lines.add("tag @" + name);
        lines.add("change " + changeId);
        lines.add("planner " + planner);
        lines.add("date " + timestampString());
        if (Notes.isTrue(note)) {
            lines.add("");
            lines.add(note);
        }
        return String.join("\n", lines);
    }

    @Override
    public String asString() {
        return lspace + "@" + name + " " + timestampString() + " " + planner + rspace + Notes.format(note);
    }
}
