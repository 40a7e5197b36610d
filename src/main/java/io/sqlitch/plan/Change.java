package io.sqlitch.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A change line of the plan, with everything its ID and its rewrite need.
 *
 * @param lspace     blanks before the line's content
 * @param lopspace   blanks before the operator
 * @param operator   "+", "-" or "" (kept on rewrite, not part of the ID)
 * @param ropspace   blanks after the operator
 * @param name       the change name
 * @param pspace     the blank run after the name (" " when not written)
 * @param requires   required dependencies in file order
 * @param conflicts  conflicting dependencies in file order
 * @param timestamp  the planned time (UTC, second precision)
 * @param planner    who planned it
 * @param rspace     blanks before the {@code #} note (or trailing blanks)
 * @param note       the unescaped note, "" when none
 * @param lineNumber 1-based line number in the parsed file (0 when not parsed from a file)
 * @param project    the plan's project
 * @param uri        the plan's raw {@code %uri}, or null
 * @param parentId   the ID of the previous change line in the plan, or null for the first change
 * @param tags       the tags declared right after this change
 * @param reworkTags for a reworked (earlier) instance: the tags between it and its next instance, latest first,
 *                   followed by its own tags; empty otherwise
 * @param reworked   true when a later change line has the same name
 */
public record Change(String lspace, String lopspace, String operator, String ropspace, String name, String pspace,
                     List<Dependency> requires, List<Dependency> conflicts, Instant timestamp, Planner planner,
                     String rspace, String note, int lineNumber, String project, String uri, String parentId,
                     List<Tag> tags, List<Tag> reworkTags, boolean reworked) implements PlanLine {

    public Change {
        requires = List.copyOf(requires);
        conflicts = List.copyOf(conflicts);
        tags = List.copyOf(tags);
        reworkTags = List.copyOf(reworkTags);
    }

    /** The change ID: SHA-1 of {@code "change <len>\0" + info()}. */
    public String id() {
        return Ids.objectId("change", info());
    }

    /** The text {@code sqitch show change} prints (without the final newline); hashed into the ID. */
    public String info() {
        // One builder, no line list or streams: computed once per change on every plan parse.
        StringBuilder sb = new StringBuilder(160).append("project ").append(project);
        if (uri != null && !uri.isEmpty()) {
            sb.append("\nuri ").append(Uris.canonical(uri));
        }
        sb.append("\nchange ").append(name);
        if (parentId != null) {
            sb.append("\nparent ").append(parentId);
        }
        sb.append("\nplanner ").append(planner).append("\ndate ").append(timestampString());
        if (!requires.isEmpty()) {
            sb.append("\nrequires");
            requires.forEach(d -> sb.append("\n  + ").append(d.asString()));
        }
        if (!conflicts.isEmpty()) {
            sb.append("\nconflicts");
            conflicts.forEach(d -> sb.append("\n  - ").append(d.asString()));
        }
        if (Notes.isTrue(note)) {
            sb.append("\n\n").append(note);
        }
        return sb.toString();
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ}. */
    public String timestampString() {
        return Ids.formatTimestamp(timestamp);
    }

    /** True for a change line written with the "-" operator (shown as a revert event by {@code sqitch plan}). */
    public boolean isRevert() {
        return operator.equals("-");
    }

    public boolean isReworked() {
        return reworked;
    }

    /** All dependencies: requires then conflicts. */
    public List<Dependency> dependencies() {
        List<Dependency> all = new ArrayList<>(requires);
        all.addAll(conflicts);
        return all;
    }

    /** {@code [a b !c]} or "" when there are no dependencies. */
    public String formatDependencies() {
        if (requires.isEmpty() && conflicts.isEmpty()) {
            return "";
        }
        return "[" + dependencies().stream().map(Dependency::asPlanString).collect(Collectors.joining(" ")) + "]";
    }

    /** {@code name @t1 @t2}. */
    public String formatNameWithTags() {
        StringBuilder sb = new StringBuilder(name);
        tags.forEach(t -> sb.append(" @").append(t.name()));
        return sb.toString();
    }

    /** {@code name@firstTag}, else {@code name@firstReworkTag}, else {@code name@HEAD}. */
    public String formatTagQualifiedName() {
        if (!tags.isEmpty()) {
            return name + "@" + tags.get(0).name();
        }
        if (!reworkTags.isEmpty()) {
            return name + "@" + reworkTags.get(0).name();
        }
        return name + "@HEAD";
    }

    /** {@code name [deps]} as in {@code Added "..." to sqitch.plan} (name + pspace + deps when any). */
    public String formatNameWithDependencies() {
        String deps = formatDependencies();
        return deps.isEmpty() ? name : name + pspace + deps;
    }

    /**
     * The path segments of this change's script files under deploy/revert/verify ({@code Change._path_segments}):
     * the name split on "/", the last segment + "." + extension; for a reworked change the last segment is
     * {@code name@tag.ext} for the first rework tag whose deploy file exists, else for the first rework tag.
     *
     * @param extension         the script extension without dot ("sql")
     * @param existsInDeployDir tells whether given segments exist as a file under the deploy directory
     */
    public List<String> scriptPathSegments(String extension, Predicate<List<String>> existsInDeployDir) {
        return scriptPathSegments(name, reworkTags.stream().map(Tag::name).toList(), extension, existsInDeployDir);
    }

    /**
     * {@link #scriptPathSegments(String, Predicate)} for any change name and rework tag names (without "@"), such
     * as those Sqitch derives for a deployed change from the registry.
     */
    public static List<String> scriptPathSegments(String name, List<String> reworkTags, String extension,
                                                  Predicate<List<String>> existsInDeployDir) {
        List<String> path = new ArrayList<>(List.of(name.split("/", -1)));
        String last = path.remove(path.size() - 1);
        if (reworkTags.isEmpty()) {
            path.add(last + "." + extension);
            return List.copyOf(path);
        }
        String first = null;
        for (String tag : reworkTags) {
            String fileName = last + "@" + tag + "." + extension;
            if (first == null) {
                first = fileName;
            }
            List<String> candidate = new ArrayList<>(path);
            candidate.add(fileName);
            if (existsInDeployDir.test(candidate)) {
                return List.copyOf(candidate);
            }
        }
        path.add(first);
        return List.copyOf(path);
    }

    @Override
    public String asString() {
        String deps = formatDependencies();
        return lspace + lopspace + operator + ropspace + name + pspace + (deps.isEmpty() ? "" : deps + " ")
                + timestampString() + " " + planner + rspace + Notes.format(note);
    }

    /** The same change with other tags, rework tags and rework flag (used when assembling a plan). */
    Change withTags(List<Tag> newTags, List<Tag> newReworkTags, boolean isReworked) {
        return new Change(lspace, lopspace, operator, ropspace, name, pspace, requires, conflicts, timestamp, planner,
                rspace, note, lineNumber, project, uri, parentId, newTags, newReworkTags, isReworked);
    }
}
