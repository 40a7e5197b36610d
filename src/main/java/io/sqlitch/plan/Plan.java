package io.sqlitch.plan;

import io.sqlitch.SqitchException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed plan: its lines (for rewriting) and its changes with their tags, plus Sqitch's change lookups
 * ({@code App::Sqitch::Plan::ChangeList}).
 */
public final class Plan {

    public static final String SYNTAX_VERSION = "1.0.0";

    private static final Pattern OFFSET = Pattern.compile("(?<![" + Names.PUNCT + "])([~^])(?:(\\1)|(\\p{Nd}+))?\\z",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final String file;
    private final String project;
    private final String uri;
    private final Map<String, String> pragmas;
    private final List<PlanLine> lines;
    private final List<Change> changes;
    private final Map<String, List<Integer>> lookup = new HashMap<>();
    private final List<String> changeIds = new ArrayList<>();
    private final int lastTaggedIndex;

    /**
     * @param file    the plan path as the user gave it, used in messages
     * @param pragmas the pragma values (syntax_version, project, uri, others as written)
     */
    public Plan(String file, Map<String, String> pragmas, List<PlanLine> lines, List<Change> changes) {
        this(file, pragmas, lines, changes, null);
    }

    /** As the public constructor, with the changes' IDs when the caller already computed them (or null). */
    Plan(String file, Map<String, String> pragmas, List<PlanLine> lines, List<Change> changes, List<String> ids) {
        this.file = file;
        this.pragmas = Map.copyOf(pragmas);
        this.project = pragmas.get("project");
        this.uri = pragmas.get("uri");
        this.lines = List.copyOf(lines);
        this.changes = List.copyOf(changes);
        int lastTagged = -1;
        for (int i = 0; i < this.changes.size(); i++) {
            Change change = this.changes.get(i);
            String id = ids != null ? ids.get(i) : change.id();
            changeIds.add(id);
            lookup.computeIfAbsent(change.name(), k -> new ArrayList<>()).add(i);
            lookup.put(id, List.of(i));
            for (Tag tag : change.tags()) {
                lookup.put(tag.formatName(), List.of(i));
                lookup.put(tag.id(), List.of(i));
                lastTagged = i;
            }
        }
        if (!this.changes.isEmpty()) {
            List<Integer> head = List.of(this.changes.size() - 1);
            lookup.put("HEAD", head);
            lookup.put("@HEAD", head);
            lookup.put("ROOT", List.of(0));
            lookup.put("@ROOT", List.of(0));
        }
        this.lastTaggedIndex = lastTagged;
    }

    /** The plan path as given by the user (for messages such as {@code Added "x" to sqitch.plan}). */
    public String file() {
        return file;
    }

    public String project() {
        return project;
    }

    /** The raw {@code %uri} value (not canonical), or null. */
    public String uri() {
        return uri;
    }

    /** Pragma values by name ({@code syntax-version} is always "1.0.0"; a pragma without value maps to "1"). */
    public Map<String, String> pragmas() {
        return pragmas;
    }

    public List<PlanLine> lines() {
        return lines;
    }

    public List<Change> changes() {
        return changes;
    }

    /** All tags in plan order. */
    public List<Tag> tags() {
        List<Tag> tags = new ArrayList<>();
        changes.forEach(c -> tags.addAll(c.tags()));
        return tags;
    }

    public int count() {
        return changes.size();
    }

    public Change changeAt(int index) {
        return changes.get(index);
    }

    /** The ID of the change at an index (cached). */
    public String changeIdAt(int index) {
        return changeIds.get(index);
    }

    public Optional<Change> lastChange() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }

    /** Index of the last change carrying a tag, or -1. */
    public int indexOfLastTagged() {
        return lastTaggedIndex;
    }

    public Optional<Change> lastTaggedChange() {
        return lastTaggedIndex < 0 ? Optional.empty() : Optional.of(changes.get(lastTaggedIndex));
    }

    /** The plan text exactly as Sqitch writes it: every line followed by "\n". */
    public String asString() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.asString()).append('\n'));
        return sb.toString();
    }

    /**
     * {@code ChangeList.index_of}: a change spec with optional {@code ^}/{@code ~} offsets. Throws
     * {@code Unknown tag "@t"} for {@code change@t} with an unknown tag, and the ambiguity error (message = the
     * full stderr text ending in {@code Change lookup failed}) for a plain name with several instances.
     */
    public OptionalInt indexOf(String key) {
        String[] stripped = new String[1];
        int offset = offset(key, stripped);
        OptionalInt idx = rawIndexOf(stripped[0]);
        return applyOffset(idx, offset);
    }

    /** The change for a spec as {@link #indexOf(String)}. */
    public Optional<Change> get(String key) {
        OptionalInt idx = indexOf(key);
        return idx.isPresent() ? Optional.of(changes.get(idx.getAsInt())) : Optional.empty();
    }

    /** {@code ChangeList.first_index_of}: the first instance of a change name (or an id/tag key), with offsets. */
    public OptionalInt firstIndexOf(String key) {
        return firstIndexOf(key, null);
    }

    /**
     * The first instance of {@code key} after the change {@code since} (a spec for {@link #indexOf}); throws
     * {@code Unknown change: "{since}"} when {@code since} is not found.
     */
    public OptionalInt firstIndexOf(String key, String since) {
        String[] stripped = new String[1];
        int offset = offset(key, stripped);
        List<Integer> idx = lookup.get(stripped[0]);
        if (idx == null) {
            return OptionalInt.empty();
        }
        OptionalInt found;
        if (since == null) {
            found = OptionalInt.of(idx.get(0));
        } else {
            int sinceIndex = indexOf(since).orElseThrow(
                    () -> new SqitchException("Unknown change: \"" + since + "\""));
            found = idx.stream().mapToInt(Integer::intValue).filter(i -> i > sinceIndex).findFirst();
        }
        return applyOffset(found, offset);
    }

    /** {@code ChangeList.contains}: {@link #indexOf} when the key has "@", else {@link #firstIndexOf}. */
    public boolean contains(String key) {
        return (key.contains("@") ? indexOf(key) : firstIndexOf(key)).isPresent();
    }

    /** {@code ChangeList.find}: like {@link #contains} but returns the change (first instance, no ambiguity). */
    public Optional<Change> find(String key) {
        OptionalInt idx = key.contains("@") ? indexOf(key) : firstIndexOf(key);
        return idx.isPresent() ? Optional.of(changes.get(idx.getAsInt())) : Optional.empty();
    }

    /** A tag by {@code @name}, {@code name} or tag ID (as {@code sqitch show tag} looks it up). */
    public Optional<Tag> findTag(String key) {
        String name = key.startsWith("@") ? key.substring(1) : key;
        for (Tag tag : tags()) {
            if (tag.name().equals(name) || tag.id().equals(key)) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    /** The project of a dependency: for a bare id, this plan's project when the id is in the plan, else null. */
    public String dependencyProject(Dependency dep) {
        if (dep.hasProject() || !dep.hasId()) {
            return dep.effectiveProject();
        }
        return find(dep.id()).isPresent() ? project : null;
    }

    /**
     * {@code Depend.id}: the change ID of an internal dependency, empty for an external one; throws
     * {@code Unable to find change "{key}" in plan {file}} when it is internal but not in the plan.
     */
    public Optional<String> dependencyId(Dependency dep) {
        String proj = dependencyProject(dep);
        if (proj == null || !proj.equals(project)) {
            return Optional.empty();
        }
        Change change = find(dep.keyName()).orElseThrow(() -> new SqitchException(
                "Unable to find change \"" + dep.keyName() + "\" in plan " + file));
        return Optional.of(change.id());
    }

    private OptionalInt applyOffset(OptionalInt idx, int offset) {
        if (idx.isEmpty() || offset == 0) {
            return idx;
        }
        int i = idx.getAsInt() + offset;
        return i < 0 || i >= changes.size() ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Strips a trailing {@code ^}, {@code ^^}, {@code ^N}, {@code ~}... and returns the signed offset. */
    private static int offset(String key, String[] stripped) {
        Matcher m = OFFSET.matcher(key);
        if (!m.find()) {
            stripped[0] = key;
            return 0;
        }
        stripped[0] = key.substring(0, m.start());
        int n = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(2) != null ? 2 : 1;
        return m.group(1).equals("^") ? -n : n;
    }

    private OptionalInt rawIndexOf(String key) {
        int at = key.indexOf('@');
        String change = at < 0 ? key : key.substring(0, at);
        String tag = at < 0 ? null : key.substring(at + 1);
        if (change.isEmpty()) {
            List<Integer> idx = lookup.get("@" + (tag == null ? "" : tag));
            return idx == null ? OptionalInt.empty() : OptionalInt.of(idx.get(0));
        }
        List<Integer> idx = lookup.get(change);
        if (idx == null) {
            return OptionalInt.empty();
        }
        if (tag != null) {
            List<Integer> tagIdx = lookup.get("@" + tag);
            if (tagIdx == null) {
                throw new SqitchException("Unknown tag \"@" + tag + "\"");
            }
            int limit = tagIdx.get(0);
            for (int i = idx.size() - 1; i >= 0; i--) {
                if (idx.get(i) <= limit) {
                    return OptionalInt.of(idx.get(i));
                }
            }
            return OptionalInt.empty();
        }
        if (idx.size() < 2) {
            return OptionalInt.of(idx.get(0));
        }
        StringBuilder msg = new StringBuilder("Change \"").append(key)
                .append("\" is ambiguous. Please specify a tag-qualified change:\n");
        for (int i = idx.size() - 1; i >= 0; i--) {
            msg.append("  * ").append(changes.get(idx.get(i)).formatTagQualifiedName()).append('\n');
        }
        msg.append("Change lookup failed");
        throw new SqitchException(msg.toString());
    }
}
