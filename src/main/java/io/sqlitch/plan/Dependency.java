package io.sqlitch.plan;

import io.sqlitch.SqitchException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dependency of a change ({@code App::Sqitch::Plan::Depend}): {@code [!][project:](change[@tag] | @tag | sha1)}.
 *
 * @param conflicts   true for a {@code !conflict}, false for a requirement
 * @param project     the project prefix as written, or null when none was given
 * @param change      the change name, or null
 * @param tag         the tag name without "@", or null
 * @param id          the 40-hex change id when the spec is a bare id, or null
 * @param planProject the project of the plan the dependency belongs to
 */
public record Dependency(boolean conflicts, String project, String change, String tag, String id,
                         String planProject) {

    private static final Pattern SPEC = Pattern.compile("\\A(?<conflicts>!?)(?:(?<project>" + Names.NAME_RE + "):)?"
            + "(?:(?<id>[0-9a-f]{40})|(?<change>" + Names.NAME_RE + ")(?:@(?<tag>" + Names.NAME_RE + "))?"
            + "|(?:@(?<tag2>" + Names.NAME_RE + "))?)\\z", Pattern.UNICODE_CHARACTER_CLASS);

    /** Parses a spec; empty when the text is not a valid dependency specification. */
    public static Optional<Dependency> parse(String spec, String planProject) {
        if (isPlainChangeName(spec)) {
            return Optional.of(new Dependency(false, null, spec, null, null, planProject));
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            return Optional.empty();
        }
        String tag = m.group("tag") != null ? m.group("tag") : m.group("tag2");
        if (m.group("id") == null && m.group("change") == null && tag == null) {
            // Sqitch 1.3.1 quirk: the regex accepts "" or "!" and the object constructor then dies.
            throw new SqitchException("Depend object must have either \"change\", \"tag\", or \"id\" defined");
        }
        return Optional.of(new Dependency(!m.group("conflicts").isEmpty(), m.group("project"), m.group("change"),
                tag, m.group("id"), planProject));
    }

    /**
     * True for a spec the {@link #SPEC} regex can only read as a bare change name: ASCII letters, digits and "_"
     * (all word characters, none punctuation, so the name rule holds), and not 40 lowercase hex digits (an id).
     * Spares the regex for the usual dependency of a plan line.
     */
    private static boolean isPlainChangeName(String spec) {
        int n = spec.length();
        if (n == 0) {
            return false;
        }
        boolean allHex = n == 40;
        for (int i = 0; i < n; i++) {
            char c = spec.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean lower = c >= 'a' && c <= 'z';
            if (!(digit || lower || (c >= 'A' && c <= 'Z') || c == '_')) {
                return false;
            }
            allHex &= digit || (lower && c <= 'f');
        }
        return !allHex;
    }

    /** Parses a spec or throws {@code "{dep}" is not a valid dependency specification}. */
    public static Dependency parseOrThrow(String spec, String planProject) {
        return parse(spec, planProject).orElseThrow(
                () -> new SqitchException("\"" + spec + "\" is not a valid dependency specification"));
    }

    public boolean isRequire() {
        return !conflicts;
    }

    /** A project prefix was written. */
    public boolean hasProject() {
        return project != null;
    }

    /** The spec was a bare change id. */
    public boolean hasId() {
        return id != null;
    }

    /**
     * The effective project: the prefix, else the plan's project for change/tag specs; for a bare id without
     * prefix it depends on whether the id is in the plan (see {@link Plan#dependencyProject(Dependency)}), so null.
     */
    public String effectiveProject() {
        if (project != null) {
            return project;
        }
        return id != null ? null : planProject;
    }

    /** True when the dependency names another project. */
    public boolean isExternal() {
        return project != null && !project.equals(planProject);
    }

    /** {@code change@tag}, {@code change}, {@code @tag} or the id. */
    public String keyName() {
        StringBuilder sb = new StringBuilder();
        if (change != null) {
            sb.append(change);
        }
        if (tag != null) {
            sb.append('@').append(tag);
        }
        if (sb.length() == 0 && id != null) {
            sb.append(id);
        }
        return sb.toString();
    }

    /** The form used in IDs, the registry and output: the same-project prefix collapses away. */
    public String asString() {
        String proj = effectiveProject();
        if (proj == null || proj.equals(planProject)) {
            return keyName();
        }
        return proj + ":" + keyName();
    }

    /** The form written into the plan: {@code !} for conflicts, then {@link #asString()}. */
    public String asPlanString() {
        return (conflicts ? "!" : "") + asString();
    }

    @Override
    public String toString() {
        return asPlanString();
    }
}
