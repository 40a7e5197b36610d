package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import io.sqlitch.StrictUtf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a plan file as Sqitch 1.3.1 does ({@code App::Sqitch::Plan::_parse}), with its exact error messages. */
public final class PlanParser {

    private static final String B = Names.BLANK;
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    private static final Pattern BLANK_LINE = Pattern.compile("\\A(" + B + "*)(?:#" + B + "*(.+)|$)", FLAGS);
    private static final Pattern PRAGMA = Pattern.compile("\\A(?<lspace>" + B + "*)?%(?<hspace>" + B + "*)?"
            + "(?<name>[^" + Names.PUNCT + "](?:[^ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000=]*?"
            + "[^" + Names.PUNCT + " \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000])?)"
            + "(?:(?<lopspace>" + B + "*)(?<operator>=)(?<ropspace>" + B + "*)(?<value>.+))?\\z", FLAGS);
    private static final String TS = "(?<yr>\\p{Nd}{4})-(?<mo>\\p{Nd}{2})-(?<dy>\\p{Nd}{2})"
            + "T(?<hr>\\p{Nd}{2}):(?<mi>\\p{Nd}{2}):(?<sc>\\p{Nd}{2})Z";
    private static final Pattern TS_ANYWHERE = Pattern.compile(TS, FLAGS);
    private static final Pattern TAG_START = Pattern.compile("^" + B + "*@", FLAGS);
    private static final Pattern ITEM = Pattern.compile("^(?<lspace>" + B + "*)?"
            + "(?:@|(?<lopspace>" + B + "*)(?<operator>[+-])(?<ropspace>" + B + "*))?"
            + "(?<name>" + Names.NAME_RE + ")(?<pspace>" + B + "+)?"
            + "(?:\\[(?<deps>[^\\]]+)\\]" + B + "*)?"
            + "(?:" + TS + B + "*)?"
            + "(?:(?<pname>[^<]+)" + B + "+<(?<pemail>[^>]+)>)?$", FLAGS);
    /** What {@code deps.split(B + "+")} compiled on every change line. */
    private static final Pattern BLANKS = Pattern.compile(B + "+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("\\s+$", FLAGS);

    private PlanParser() {
    }

    /**
     * Reads and parses a plan file.
     *
     * @param path        where the file is
     * @param displayName the path as the user gave it, for messages (e.g. {@code sqitch.plan})
     */
    public static Plan parseFile(Path path, String displayName) {
        if (!Files.exists(path)) {
            throw new SqitchException("Plan file " + displayName + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new SqitchException("Plan file " + displayName + " is not a regular file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SqitchException("Cannot open " + displayName + ": " + e.getMessage(), e);
        }
        return parse(decode(bytes, displayName), displayName);
    }

    /** Strict UTF-8 decoding; an invalid sequence is reported with the line it is on. */
    static String decode(byte[] bytes, String displayName) {
        return StrictUtf8.decode(bytes).orElseThrow(() -> {
            StrictUtf8.Invalid bad = StrictUtf8.findInvalid(bytes);
            // Sqitch dies with "Can't decode ill-formed UTF-8 octet sequence <FF> at .../Plan.pm line 192.";
            // we name the plan file and line instead of Perl's source location.
            return new SqitchException(String.format("Can't decode ill-formed UTF-8 octet sequence <%02X> in %s at line %d",
                    bad.firstByte(), displayName, bad.line()));
        });
    }

    /** Parses plan bytes (e.g. a plan from {@code git show}), decoded as strict UTF-8. */
    public static Plan parse(byte[] bytes, String displayName) {
        return parse(decode(bytes, displayName), displayName);
    }

    /** Parses plan text (already decoded). */
    public static Plan parse(String text, String displayName) {
        return new Run(displayName).parse(splitLines(text));
    }

    /** Lines as Perl's getline yields them, each with its trailing "\n" or "\r\n" removed. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
            if (nl >= 0 && line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            start = nl < 0 ? text.length() : nl + 1;
        }
        return lines;
    }

    /**
     * Where Sqitch's inline-note regex {@code ([[:blank:]]*)(?:#[[:blank:]]*(.*))?$} first matches a line, found by
     * hand: that unanchored regex was retried at every position of every line. Its first match starts at the blank
     * run before the first "#" (or, without "#", before the end of the line).
     *
     * @param start  where the match starts (the line's content ends there)
     * @param rspace the blank run
     * @param raw    the text after "#" and its blanks, or null when there is no "#"
     */
    record InlineNote(int start, String rspace, String raw) {
        static InlineNote of(String line) {
            int hash = line.indexOf('#');
            int end = hash < 0 ? line.length() : hash;
            int start = end;
            while (start > 0 && Names.isBlank(line.charAt(start - 1))) {
                start--;
            }
            String raw = null;
            if (hash >= 0) {
                int from = hash + 1;
                while (from < line.length() && Names.isBlank(line.charAt(from))) {
                    from++;
                }
                raw = line.substring(from);
            }
            return new InlineNote(start, line.substring(start, end), raw);
        }
    }

    private static boolean perlTrue(String s) {
        return s != null && !s.isEmpty() && !s.equals("0");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The mutable state of one parse. */
    private static final class Run {
        private final String file;
        private int lineNo;

        /** A change while the plan is read; finished into a {@link Change} at the end. */
        private static final class Draft {
            Change change;
            final List<Tag> tags = new ArrayList<>();
            final List<Tag> reworkTags = new ArrayList<>();
        }

        private final List<Object> lines = new ArrayList<>();
        private final List<Draft> drafts = new ArrayList<>();
        private final List<Draft> currGroup = new ArrayList<>();
        private final Map<String, Integer> lineNoFor = new HashMap<>();
        private final Map<String, Integer> tagChanges = new HashMap<>();
        private final Map<String, Draft> changeNamed = new HashMap<>();
        private final Map<String, String> pragmas = new LinkedHashMap<>();

        Run(String file) {
            this.file = file;
        }

        private SqitchException syntax(String error) {
            return new SqitchException("Syntax error in " + file + " at line " + lineNo + ": " + error);
        }

        Plan parse(List<String> input) {
            int i = 0;
            boolean sawVersion = false;
            // Header: pragmas and comments, up to the first blank line.
            while (i < input.size()) {
                String line = input.get(i++);
                lineNo = i;
                Matcher blank = BLANK_LINE.matcher(line);
                if (blank.find()) {
                    BlankLine b = new BlankLine(blank.group(1), Notes.fromPlan(blank.group(2)));
                    lines.add(b);
                    if (!perlTrue(b.note())) {
                        break;
                    }
                    continue;
                }
                InlineNote inline = InlineNote.of(line);
                String rspace = inline.rspace();
                String note = Notes.fromPlan(inline.raw());
                String content = line.substring(0, inline.start());
                Matcher m = PRAGMA.matcher(content);
                if (!m.matches()) {
                    throw syntax("Invalid pragma; a blank line must come between pragmas and changes");
                }
                String name = m.group("name");
                String value = m.group("value");
                if (value != null) {
                    value = TRAILING_SPACE.matcher(value).replaceFirst("");
                }
                if (name.equals("syntax-version")) {
                    // Sqitch forces the version it writes back, whatever the file said.
                    value = Plan.SYNTAX_VERSION;
                    pragmas.put("syntax-version", value);
                    sawVersion = true;
                } else if (name.equals("project")) {
                    String proj = m.group("value");
                    if (proj == null || !Names.isValidName(proj)) {
                        throw syntax(Names.planProjectError(orEmpty(proj)));
                    }
                    pragmas.put("project", proj);
                } else {
                    pragmas.put(name, value == null ? "1" : m.group("value"));
                }
                lines.add(new PragmaLine(orEmpty(m.group("lspace")), orEmpty(m.group("hspace")), name,
                        orEmpty(m.group("lopspace")), orEmpty(m.group("operator")), orEmpty(m.group("ropspace")),
                        value, rspace, note));
            }
            if (!sawVersion) {
                lines.add(0, PragmaLine.syntaxVersion());
                pragmas.put("syntax-version", Plan.SYNTAX_VERSION);
            }
            if (!perlTrue(pragmas.get("project"))) {
                throw new SqitchException("Missing %project pragma in " + file);
            }
            String project = pragmas.get("project");
            String uri = pragmas.get("uri");
            if (uri != null && uri.isEmpty()) {
                uri = null;
            }

            while (i < input.size()) {
                String line = input.get(i++);
                lineNo = i;
                Matcher blank = BLANK_LINE.matcher(line);
                if (blank.find()) {
                    lines.add(new BlankLine(blank.group(1), Notes.fromPlan(blank.group(2))));
                    continue;
                }
                InlineNote inline = InlineNote.of(line);
                String rspace = inline.rspace();
                String note = Notes.fromPlan(inline.raw());
                String content = line.substring(0, inline.start());
                boolean isTag = TAG_START.matcher(content).find();
                Matcher m = ITEM.matcher(content);
                boolean matched = m.find();
                String name = matched ? m.group("name") : null;
                String yr = matched ? m.group("yr") : null;
                String pname = matched ? m.group("pname") : null;
                if (!perlTrue(name) || (!perlTrue(yr) && TS_ANYWHERE.matcher(content).find())) {
                    throw syntax(Names.PLAN_NAME_ERROR);
                }
                if (!perlTrue(yr) && !perlTrue(pname)) {
                    throw syntax("Missing timestamp and planner name and email");
                }
                if (!perlTrue(yr)) {
                    throw syntax("Missing timestamp");
                }
                if (!perlTrue(pname)) {
                    throw syntax("Missing planner name and email");
                }
                if (Names.isReserved(name)) {
                    throw syntax("\"" + (isTag ? "@" : "") + name + "\" is a reserved name");
                }
                if (Names.looksLikeSha1(name)) {
                    throw syntax("\"" + name + "\" is invalid because it could be confused with a SHA1 ID");
                }
                Instant timestamp = timestamp(m);
                Planner planner = new Planner(pname, m.group("pemail"));
                if (isTag) {
                    tagLine(m, name, timestamp, planner, rspace, note, project, uri);
                } else {
                    changeLine(m, name, timestamp, planner, rspace, note, project, uri);
                }
            }
            checkGroup(project);
            return assemble();
        }

        private Instant timestamp(Matcher m) {
            try {
                return LocalDateTime.of(num(m.group("yr")), num(m.group("mo")), num(m.group("dy")),
                        num(m.group("hr")), num(m.group("mi")), num(m.group("sc"))).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // DateTime->new dies with its own validation text here; we keep the line number.
                throw syntax("Invalid timestamp: " + e.getMessage());
            }
        }

        private static int num(String digits) {
            return Integer.parseInt(digits);
        }

        private void tagLine(Matcher m, String name, Instant ts, Planner planner, String rspace, String note,
                             String project, String uri) {
            if (name.contains("/")) {
                throw syntax("Tag \"" + name + "\" contains illegal character /");
            }
            if (drafts.isEmpty() && currGroup.isEmpty()) {
                throw syntax("Tag \"" + name + "\" declared without a preceding change");
            }
            String key = "@" + name;
            Integer at = lineNoFor.get(key);
            if (at != null) {
                throw syntax("Tag \"" + name + "\" duplicates earlier declaration on line " + at);
            }
            if (perlTrue(m.group("deps"))) {
                throw syntax("Tags may not specify dependencies");
            }
            checkGroup(project);
            Draft prev = lastDraft();
            Tag tag = new Tag(orEmpty(m.group("lspace")), name, ts, planner, rspace, note, lineNo, project, uri,
                    null, prev.change.name());
            prev.tags.add(tag);
            lines.add(new TagRef(prev, prev.tags.size() - 1));
            lineNoFor.putAll(tagChanges);
            lineNoFor.put(key, lineNo);
            tagChanges.clear();
        }

        private Draft lastDraft() {
            return drafts.get(drafts.size() - 1);
        }

        private void changeLine(Matcher m, String name, Instant ts, Planner planner, String rspace, String note,
                                String project, String uri) {
            Integer at = tagChanges.get(name);
            if (at != null) {
                throw syntax("Change \"" + name + "\" duplicates earlier declaration on line " + at);
            }
            List<Dependency> requires = new ArrayList<>();
            List<Dependency> conflicts = new ArrayList<>();
            String deps = m.group("deps");
            if (perlTrue(deps)) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (String spec : BLANKS.split(deps)) {
                    Dependency dep = Dependency.parse(spec, project).orElseThrow(
                            () -> syntax("\"" + spec + "\" is not a valid dependency specification"));
                    if (!seen.add(spec)) {
                        throw syntax("Duplicate dependency \"" + spec + "\"");
                    }
                    (dep.conflicts() ? conflicts : requires).add(dep);
                }
            }
            tagChanges.put(name, lineNo);
            Draft draft = new Draft();
            // Parent IDs are filled in by assemble(), once every change is known.
            draft.change = new Change(orEmpty(m.group("lspace")), orEmpty(m.group("lopspace")),
                    orEmpty(m.group("operator")), orEmpty(m.group("ropspace")), name,
                    m.group("pspace") == null ? " " : m.group("pspace"), requires, conflicts, ts, planner, rspace,
                    note, lineNo, project, uri, null, List.of(), List.of(), false);
            Draft duped = changeNamed.get(name);
            if (duped != null) {
                List<Tag> reworkTags = new ArrayList<>();
                for (int j = drafts.size() - 1; j >= 0 && drafts.get(j) != duped; j--) {
                    reworkTags.addAll(drafts.get(j).tags);
                }
                reworkTags.addAll(duped.tags);
                duped.reworkTags.addAll(reworkTags);
            }
            changeNamed.put(name, draft);
            drafts.add(draft);
            currGroup.add(draft);
            lines.add(draft);
        }

        /** {@code check_changes}: requirements must be declared earlier (tag-delimited group at a time). */
        private void checkGroup(String project) {
            if (currGroup.isEmpty()) {
                return;
            }
            Map<String, Integer> position = new HashMap<>();
            List<Map.Entry<String, List<String>>> invalid = new ArrayList<>();
            int n = 0;
            for (Draft d : currGroup) {
                List<String> bad = new ArrayList<>();
                for (Dependency dep : d.change.requires()) {
                    if (dep.hasProject()) {
                        if (!dep.project().equals(project)) {
                            continue;
                        }
                    } else if (dep.hasId()) {
                        continue;
                    }
                    String key = dep.keyName();
                    if (key.indexOf('@') > 0) {
                        int at = key.indexOf('@');
                        Integer tagAt = lineNoFor.get("@" + key.substring(at + 1));
                        Integer changeAt = lineNoFor.get(key.substring(0, at));
                        if (tagAt != null && changeAt != null && changeAt < tagAt) {
                            continue;
                        }
                    } else if (lineNoFor.containsKey(key) || position.containsKey(key)) {
                        continue;
                    }
                    bad.add(key);
                }
                position.put(d.change.name(), ++n);
                if (!bad.isEmpty()) {
                    invalid.add(Map.entry(d.change.name(), bad));
                }
            }
            currGroup.clear();
            if (invalid.isEmpty()) {
                return;
            }
            List<String> errors = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : invalid) {
                String change = entry.getKey();
                int maxDelta = 0;
                for (String dep : entry.getValue()) {
                    if (change.equals(dep)) {
                        errors.add("Change \"" + change + "\" cannot require itself");
                    } else if (position.containsKey(dep)) {
                        int delta = position.get(dep) - position.get(change);
                        maxDelta = Math.max(maxDelta, delta);
                        errors.add("Change \"" + change + "\" planned " + delta + (delta == 1 ? " change" : " changes")
                                + " before required change \"" + dep + "\"");
                    } else {
                        errors.add("Unknown change \"" + dep + "\" required by change \"" + change + "\"");
                    }
                }
                if (maxDelta > 0) {
                    int last = errors.size() - 1;
                    errors.set(last, errors.get(last) + "\n    HINT: move \"" + change + "\" down " + maxDelta
                            + (maxDelta == 1 ? " line" : " lines") + " in " + file);
                }
            }
            throw new SqitchException((errors.size() == 1 ? "Dependency error detected:" : "Dependency errors detected:")
                    + "\n  " + String.join("\n  ", errors));
        }

        /** Builds the immutable changes in order, chaining parent IDs and attaching tags. */
        private Plan assemble() {
            Map<Draft, Change> done = new HashMap<>();
            List<Change> changes = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            String parentId = null;
            for (Draft d : drafts) {
                Change c = d.change;
                Change withParent = new Change(c.lspace(), c.lopspace(), c.operator(), c.ropspace(), c.name(),
                        c.pspace(), c.requires(), c.conflicts(), c.timestamp(), c.planner(), c.rspace(), c.note(),
                        c.lineNumber(), c.project(), c.uri(), parentId, List.of(), List.of(), false);
                String id = withParent.id();
                ids.add(id);
                List<Tag> tags = new ArrayList<>();
                for (Tag t : d.tags) {
                    tags.add(withChangeId(t, id));
                }
                Change finished = withParent.withTags(tags, List.of(), !d.reworkTags.isEmpty());
                done.put(d, finished);
                changes.add(finished);
                parentId = id;
            }
            // Rework tags refer to tags of later changes, so resolve them once all tags have IDs.
            Map<Tag, Tag> tagFor = new HashMap<>();
            for (Draft d : drafts) {
                Change c = done.get(d);
                for (int k = 0; k < d.tags.size(); k++) {
                    tagFor.put(d.tags.get(k), c.tags().get(k));
                }
            }
            for (int k = 0; k < drafts.size(); k++) {
                Draft d = drafts.get(k);
                if (!d.reworkTags.isEmpty()) {
                    Change c = changes.get(k);
                    Change reworked = c.withTags(c.tags(), d.reworkTags.stream().map(tagFor::get).toList(), true);
                    changes.set(k, reworked);
                    done.put(d, reworked);
                }
            }
            List<PlanLine> planLines = new ArrayList<>();
            for (Object o : lines) {
                if (o instanceof PlanLine pl) {
                    planLines.add(pl);
                } else if (o instanceof Draft d) {
                    planLines.add(done.get(d));
                } else if (o instanceof TagRef ref) {
                    planLines.add(done.get(ref.draft()).tags().get(ref.index()));
                }
            }
            // The IDs go along: Change is a record and cannot cache its SHA-1, which Plan would compute again.
            return new Plan(file, pragmas, planLines, changes, ids);
        }

        private static Tag withChangeId(Tag t, String changeId) {
            return new Tag(t.lspace(), t.name(), t.timestamp(), t.planner(), t.rspace(), t.note(), t.lineNumber(),
                    t.project(), t.uri(), changeId, t.changeName());
        }

        private record TagRef(Draft draft, int index) {
        }
    }
}
