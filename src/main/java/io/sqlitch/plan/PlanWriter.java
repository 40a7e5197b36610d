package io.sqlitch.plan;

import io.sqlitch.FileWrite;
import io.sqlitch.SqitchException;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@code sqitch add}, {@code tag} and {@code rework} do to a plan ({@code App::Sqitch::Plan::add/tag/rework}),
 * each returning a new {@link Plan}, and writing the whole plan back as Sqitch does.
 */
public final class PlanWriter {

    private PlanWriter() {
    }

    /**
     * {@code Plan->add}: validates the name, refuses an existing change, checks requirements, appends a blank line
     * when the last change has tags, then the change line.
     *
     * @param requires  dependency specs as given with {@code -r} (duplicates dropped)
     * @param conflicts specs as given with {@code -x}, without the leading "!"
     * @param note      the note ("" for none)
     * @param timestamp the plan time (truncated to seconds)
     */
    public static Plan addChange(Plan plan, String name, List<String> requires, List<String> conflicts, String note,
                                 Planner planner, Instant timestamp) {
        Names.checkChangeName(name);
        if (plan.indexOf(name + "@HEAD").isPresent()) {
            throw new SqitchException("Change \"" + name + "\" already exists in plan " + plan.file()
                    + ".\nUse \"sqitch rework\" to copy and rework it");
        }
        Change change = newChange(plan, name, parseDeps(plan, requires, false), parseDeps(plan, conflicts, true),
                note, planner, timestamp);
        checkDependencies(plan, change, "add");
        List<PlanLine> lines = new ArrayList<>(plan.lines());
        if (plan.lastChange().map(c -> !c.tags().isEmpty()).orElse(false)) {
            lines.add(BlankLine.empty());
        }
        lines.add(change);
        List<Change> changes = new ArrayList<>(plan.changes());
        changes.add(change);
        return new Plan(plan.file(), plan.pragmas(), lines, changes);
    }

    /**
     * {@code Plan->tag}: tags {@code changeSpec} (or the last change when null), placing the tag line right after
     * the change line and its existing tags.
     *
     * @param name the tag name, with or without a leading "@"
     */
    public static Plan addTag(Plan plan, String name, String changeSpec, String note, Planner planner,
                              Instant timestamp) {
        String bare = name.startsWith("@") ? name.substring(1) : name;
        Names.checkTagName(bare);
        String key = "@" + bare;
        if (plan.indexOf(key).isPresent()) {
            throw new SqitchException("Tag \"" + key + "\" already exists");
        }
        int index;
        if (changeSpec != null && !changeSpec.isEmpty()) {
            OptionalInt idx = plan.indexOf(changeSpec);
            if (idx.isEmpty()) {
                throw new SqitchException("Unknown change: \"" + changeSpec + "\"");
            }
            index = idx.getAsInt();
        } else {
            if (plan.count() == 0) {
                throw new SqitchException("Cannot apply tag \"" + key + "\" to a plan with no changes");
            }
            index = plan.count() - 1;
        }
        Change change = plan.changeAt(index);
        Tag tag = new Tag("", bare, seconds(timestamp), planner, Notes.isTrue(note) ? " " : "", note == null ? "" : note,
                0, plan.project(), plan.uri(), plan.changeIdAt(index), change.name());
        List<Tag> tags = new ArrayList<>(change.tags());
        tags.add(tag);
        Change tagged = change.withTags(tags, change.reworkTags(), change.reworked());
        List<PlanLine> lines = new ArrayList<>(plan.lines());
        int lineIndex = indexOfIdentity(lines, change);
        lines.set(lineIndex, tagged);
        // Sqitch inserts at the change's line index + its tag count, even if blank lines separate its tags.
        lines.add(Math.min(lineIndex + tags.size(), lines.size()), tag);
        List<Change> changes = new ArrayList<>(plan.changes());
        changes.set(index, tagged);
        return new Plan(plan.file(), plan.pragmas(), lines, changes);
    }

    /**
     * {@code Plan->rework}: appends a new instance of an existing change requiring {@code name@tag}, where tag is
     * the first tag of the last tagged change; no blank line is added.
     */
    public static Plan reworkChange(Plan plan, String name, List<String> requires, List<String> conflicts, String note,
                                    Planner planner, Instant timestamp) {
        OptionalInt idx = plan.indexOf(name + "@HEAD");
        if (idx.isEmpty()) {
            throw new SqitchException("Change \"" + name + "\" does not exist in " + plan.file()
                    + ".\nUse \"sqitch add " + name + "\" to add it to the plan");
        }
        int tagIdx = plan.indexOfLastTagged();
        if (tagIdx < 0 || tagIdx < idx.getAsInt()) {
            throw new SqitchException("Cannot rework \"" + name + "\" without an intervening tag.\n"
                    + "Use \"sqitch tag\" to create a tag and try again");
        }
        Tag tag = plan.changeAt(tagIdx).tags().get(0);
        List<Dependency> reqs = new ArrayList<>();
        reqs.add(new Dependency(false, null, name, tag.name(), null, plan.project()));
        reqs.addAll(parseDeps(plan, requires, false));
        Change change = newChange(plan, name, reqs, parseDeps(plan, conflicts, true), note, planner, timestamp);
        checkDependencies(plan, change, "rework");
        Change orig = plan.changeAt(idx.getAsInt());
        List<Tag> reworkTags = new ArrayList<>(orig.reworkTags());
        reworkTags.add(tag);
        Change reworked = orig.withTags(orig.tags(), reworkTags, true);
        List<PlanLine> lines = new ArrayList<>(plan.lines());
        lines.set(indexOfIdentity(lines, orig), reworked);
        lines.add(change);
        List<Change> changes = new ArrayList<>(plan.changes());
        changes.set(idx.getAsInt(), reworked);
        changes.add(change);
        return new Plan(plan.file(), plan.pragmas(), lines, changes);
    }

    /** Writes the whole plan (every line + "\n", UTF-8) atomically. */
    public static void write(Plan plan, Path path) {
        writeAtomically(path, plan.asString());
    }

    /**
     * {@code write_to} with a range (as {@code bundle --from/--to} uses): the header up to its blank line, then the
     * lines from change {@code from} (null: the start of the body) to change {@code to} and its tags (null: the end).
     */
    public static String asString(Plan plan, String from, String to) {
        List<PlanLine> lines = plan.lines();
        if (from == null && to == null) {
            return plan.asString();
        }
        int headEnd = 0;
        while (headEnd < lines.size()
                && !(lines.get(headEnd) instanceof BlankLine b && b.note().isEmpty())) {
            headEnd++;
        }
        int fromIdx = headEnd + 1;
        if (from != null) {
            Change c = plan.find(from).orElseThrow(() -> new SqitchException("Cannot find change " + from));
            fromIdx = indexOfIdentity(lines, c);
        }
        int toIdx = lines.size() - 1;
        if (to != null) {
            Change c = plan.find(to).orElseThrow(() -> new SqitchException("Cannot find change " + to));
            PlanLine last = c.tags().isEmpty() ? c : c.tags().get(c.tags().size() - 1);
            toIdx = indexOfIdentity(lines, last);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= Math.min(headEnd, lines.size() - 1); i++) {
            sb.append(lines.get(i).asString()).append('\n');
        }
        for (int i = fromIdx; i <= toIdx; i++) {
            sb.append(lines.get(i).asString()).append('\n');
        }
        return sb.toString();
    }

    /** Writes text to a file atomically, keeping its mode and symlink (see {@link FileWrite}). */
    public static void writeAtomically(Path path, String text) {
        FileWrite.atomically(path, text);
    }

    private static Change newChange(Plan plan, String name, List<Dependency> requires, List<Dependency> conflicts,
                                    String note, Planner planner, Instant timestamp) {
        String parentId = plan.count() == 0 ? null : plan.changeIdAt(plan.count() - 1);
        String n = note == null ? "" : note;
        return new Change("", "", "", "", name, " ", requires, conflicts, seconds(timestamp), planner,
                Notes.isTrue(n) ? " " : "", n, 0, plan.project(), plan.uri(), parentId, List.of(), List.of(), false);
    }

    private static List<Dependency> parseDeps(Plan plan, List<String> specs, boolean conflicts) {
        List<Dependency> deps = new ArrayList<>();
        for (String spec : new LinkedHashSet<>(specs == null ? List.<String>of() : specs)) {
            Dependency dep = Dependency.parse(conflicts ? "!" + spec : spec, plan.project()).orElseThrow(
                    () -> new SqitchException("\"" + spec + "\" is not a valid dependency specification"));
            deps.add(dep);
        }
        return deps;
    }

    private static void checkDependencies(Plan plan, Change change, String action) {
        for (Dependency req : change.requires()) {
            if (!plan.project().equals(plan.dependencyProject(req))) {
                continue;
            }
            String key = req.keyName();
            if (plan.indexOf(key.contains("@") ? key : key + "@HEAD").isPresent()) {
                continue;
            }
            throw new SqitchException("Cannot " + action + " change \"" + change.name()
                    + "\": requires unknown change \"" + key + "\"");
        }
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    private static int indexOfIdentity(List<PlanLine> lines, PlanLine line) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == line) {
                return i;
            }
        }
        throw new IllegalStateException("line not in plan");
    }

}
