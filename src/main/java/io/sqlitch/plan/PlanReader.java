package io.sqlitch.plan;

import static io.sqlitch.plan.PlanGrammar.orEmpty;
import static io.sqlitch.plan.PlanGrammar.perlTrue;

import io.sqlitch.SqitchException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** The mutable state of one parse ({@code App::Sqitch::Plan::_parse}): header pragmas, then change and tag lines. */
final class PlanReader {
    private final String file;
    private int lineNo;

    /** {@link PlanLine}s, {@link ChangeDraft}s and {@link ChangeDraft.TagRef}s in file order. */
    private final List<Object> lines = new ArrayList<>();
    private final List<ChangeDraft> drafts = new ArrayList<>();
    private final List<ChangeDraft> currGroup = new ArrayList<>();
    private final Map<String, Integer> lineNoFor = new HashMap<>();
    private final Map<String, Integer> tagChanges = new HashMap<>();
    private final Map<String, ChangeDraft> changeNamed = new HashMap<>();
    private final Map<String, String> pragmas = new LinkedHashMap<>();

    PlanReader(String file) {
        this.file = file;
    }

    private SqitchException syntax(String error) {
        return new SqitchException("Syntax error in " + file + " at line " + lineNo + ": " + error);
    }

    Plan parse(List<String> input) {
        int i = readHeader(input);
        String project = pragmas.get("project");
        String uri = pragmas.get("uri");
        if (uri != null && uri.isEmpty()) {
            uri = null;
        }
        while (i < input.size()) {
            String line = input.get(i++);
            lineNo = i;
            Matcher blank = PlanGrammar.BLANK_LINE.matcher(line);
            if (blank.find()) {
                lines.add(new BlankLine(blank.group(1), Notes.fromPlan(blank.group(2))));
                continue;
            }
            readItem(line, project, uri);
        }
        DependencyOrderCheck.check(currGroup, lineNoFor, project, file);
        return PlanAssembler.assemble(file, pragmas, lines, drafts);
    }

    /** Pragmas and comments up to the first blank line; returns the index of the first line after it. */
    private int readHeader(List<String> input) {
        int i = 0;
        boolean sawVersion = false;
        while (i < input.size()) {
            String line = input.get(i++);
            lineNo = i;
            Matcher blank = PlanGrammar.BLANK_LINE.matcher(line);
            if (blank.find()) {
                BlankLine b = new BlankLine(blank.group(1), Notes.fromPlan(blank.group(2)));
                lines.add(b);
                if (!perlTrue(b.note())) {
                    break;
                }
                continue;
            }
            sawVersion |= readPragma(line);
        }
        if (!sawVersion) {
            lines.add(0, PragmaLine.syntaxVersion());
            pragmas.put("syntax-version", Plan.SYNTAX_VERSION);
        }
        if (!perlTrue(pragmas.get("project"))) {
            throw new SqitchException("Missing %project pragma in " + file);
        }
        return i;
    }

    /** Reads one pragma line; true when it is {@code %syntax-version}. */
    private boolean readPragma(String line) {
        InlineNote inline = InlineNote.of(line);
        String rspace = inline.rspace();
        String note = Notes.fromPlan(inline.raw());
        String content = line.substring(0, inline.start());
        Matcher m = PlanGrammar.PRAGMA.matcher(content);
        if (!m.matches()) {
            throw syntax("Invalid pragma; a blank line must come between pragmas and changes");
        }
        String name = m.group("name");
        String value = m.group("value");
        if (value != null) {
            value = PlanGrammar.TRAILING_SPACE.matcher(value).replaceFirst("");
        }
        boolean version = name.equals("syntax-version");
        if (version) {
            // Sqitch forces the version it writes back, whatever the file said.
            value = Plan.SYNTAX_VERSION;
            pragmas.put("syntax-version", value);
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
        return version;
    }

    /** Reads one change or tag line. */
    private void readItem(String line, String project, String uri) {
        InlineNote inline = InlineNote.of(line);
        String rspace = inline.rspace();
        String note = Notes.fromPlan(inline.raw());
        String content = line.substring(0, inline.start());
        boolean isTag = PlanGrammar.TAG_START.matcher(content).find();
        Matcher m = PlanGrammar.ITEM.matcher(content);
        boolean matched = m.find();
        String name = matched ? m.group("name") : null;
        String yr = matched ? m.group("yr") : null;
        String pname = matched ? m.group("pname") : null;
        if (!perlTrue(name) || (!perlTrue(yr) && PlanGrammar.TS_ANYWHERE.matcher(content).find())) {
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
        DependencyOrderCheck.check(currGroup, lineNoFor, project, file);
        ChangeDraft prev = drafts.get(drafts.size() - 1);
        Tag tag = new Tag(orEmpty(m.group("lspace")), name, ts, planner, rspace, note, lineNo, project, uri,
                null, prev.change.name());
        prev.tags.add(tag);
        lines.add(new ChangeDraft.TagRef(prev, prev.tags.size() - 1));
        lineNoFor.putAll(tagChanges);
        lineNoFor.put(key, lineNo);
        tagChanges.clear();
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
            Set<String> seen = new HashSet<>();
            for (String spec : PlanGrammar.BLANKS.split(deps)) {
                Dependency dep = Dependency.parse(spec, project).orElseThrow(
                        () -> syntax("\"" + spec + "\" is not a valid dependency specification"));
                if (!seen.add(spec)) {
                    throw syntax("Duplicate dependency \"" + spec + "\"");
                }
                (dep.conflicts() ? conflicts : requires).add(dep);
            }
        }
        tagChanges.put(name, lineNo);
        // Parent IDs are filled in by PlanAssembler, once every change is known.
        ChangeDraft draft = new ChangeDraft(new Change(orEmpty(m.group("lspace")), orEmpty(m.group("lopspace")),
                orEmpty(m.group("operator")), orEmpty(m.group("ropspace")), name,
                m.group("pspace") == null ? " " : m.group("pspace"), requires, conflicts, ts, planner, rspace,
                note, lineNo, project, uri, null, List.of(), List.of(), false));
        ChangeDraft duped = changeNamed.get(name);
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
}
