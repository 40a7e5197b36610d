package io.sqlitch.plan;

import io.sqlitch.SqitchException;

import java.util.regex.Pattern;

/**
 * Sqitch's name rule for changes, tags and projects ({@code App::Sqitch::Plan::name_regex}) and its messages, as of
 * Sqitch 1.5.0: no {@code [} or {@code ]} anywhere (they break the plan's dependency lists; 1.3.1 writes such names
 * but cannot read them back after a dependency on them). 1.6.1's regex only bans a bracket before digits; its
 * messages and Changes ban both outright, and so does this rule, so that every release reads what we write.
 */
public final class Names {

    /** Perl {@code [[:blank:]]} in a character string. */
    static final String BLANK = "[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]";
    private static final String PUNCT_CHARS = "-!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~";
    /** The PUNCT characters (ASCII punctuation except "_") escaped for use inside a character class. */
    static final String PUNCT = escapeAll(PUNCT_CHARS);

    /** The name regex, unanchored, for embedding into the plan-line patterns. */
    static final String NAME_RE = "(?![" + PUNCT + "])"
            + "(?:(?![~/=%^]\\p{Nd}+(?:$|" + BLANK + "))"
            + "[^ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000:@#\\\\\\[\\]])+"
            + "(?<![" + PUNCT + "])\\b";

    private static final Pattern NAME = Pattern.compile("\\A" + NAME_RE + "\\z", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SHA1_PREFIX = Pattern.compile("^[0-9a-f]{40}");

    static final String PLAN_NAME_ERROR = "Invalid name; names must not begin with punctuation, contain \"@\", \":\", "
            + "\"#\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following punctuation";

    private Names() {
    }

    private static String escapeAll(String chars) {
        StringBuilder sb = new StringBuilder();
        for (char c : chars.toCharArray()) {
            sb.append('\\').append(c);
        }
        return sb.toString();
    }

    /** True when the whole string matches Sqitch's name rule (no reserved-name or SHA1 checks). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** One character of {@link #BLANK}, without a regex. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    static boolean isReserved(String name) {
        return name.equals("HEAD") || name.equals("ROOT");
    }

    static boolean looksLikeSha1(String name) {
        return SHA1_PREFIX.matcher(name).find();
    }

    /** {@code sqitch add} and {@code rework}: throws Sqitch's message when {@code name} cannot name a change. */
    public static void checkChangeName(String name) {
        check(name, "\"" + name + "\" is invalid: changes must not begin with punctuation, contain \"@\", \":\", "
                + "\"#\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following punctuation",
                false);
        // Not in Sqitch, which accepts "x/../../evil" and writes its scripts outside the script directories.
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new SqitchException("\"" + name + "\" is invalid: changes must not contain \".\" or \"..\""
                        + " path segments");
            }
        }
    }

    /** {@code sqitch tag}: throws Sqitch's message when {@code name} (without "@") cannot name a tag. */
    public static void checkTagName(String name) {
        check(name, "\"" + name + "\" is invalid: tags must not begin with punctuation, contain \"@\", \":\", "
                + "\"#\", \"/\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following "
                + "punctuation", true);
    }

    private static void check(String name, String invalid, boolean tag) {
        if (name.indexOf('\0') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            // Not in Sqitch, whose [[:blank:]] rule lets these through: a line break writes a plan no one can parse,
            // and no file name can hold NUL.
            throw new SqitchException("\"" + name + "\" is invalid: names must not contain line breaks or NUL"
                    + " characters");
        }
        if (isReserved(name)) {
            throw new SqitchException("\"" + name + "\" is a reserved name");
        }
        if (looksLikeSha1(name)) {
            throw new SqitchException("\"" + name + "\" is invalid because it could be confused with a SHA1 ID");
        }
        if (!isValidName(name) || (tag && name.contains("/"))) {
            throw new SqitchException(invalid);
        }
    }

    /** {@code sqitch init}: the project name message (Sqitch's init text omits {@code "\"}). */
    public static void checkProjectNameForInit(String project) {
        if (!isValidName(project)) {
            throw new SqitchException("invalid project name \"" + project + "\": project names must not begin with "
                    + "punctuation, contain \"@\", \":\", \"#\", \"[\", \"]\", or blanks, or end in punctuation or "
                    + "digits following punctuation");
        }
    }

    /** The reason text for a bad {@code %project} pragma, wrapped by the parser in a syntax error. */
    static String planProjectError(String project) {
        return "invalid project name \"" + project + "\": project names must not begin with punctuation, contain "
                + "\"@\", \":\", \"#\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following "
                + "punctuation";
    }
}
