package io.sqlitch.plan;

import java.util.regex.Pattern;

/** Sqitch 1.3.1's plan-line regexes ({@code App::Sqitch::Plan}) and the Perl truth it tests them with. */
final class PlanGrammar {

    private static final String B = Names.BLANK;
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    static final Pattern BLANK_LINE = Pattern.compile("\\A(" + B + "*)(?:#" + B + "*(.+)|$)", FLAGS);
    static final Pattern PRAGMA = Pattern.compile("\\A(?<lspace>" + B + "*)?%(?<hspace>" + B + "*)?"
            + "(?<name>[^" + Names.PUNCT + "](?:[^ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000=]*?"
            + "[^" + Names.PUNCT + " \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000])?)"
            + "(?:(?<lopspace>" + B + "*)(?<operator>=)(?<ropspace>" + B + "*)(?<value>.+))?\\z", FLAGS);
    private static final String TS = "(?<yr>\\p{Nd}{4})-(?<mo>\\p{Nd}{2})-(?<dy>\\p{Nd}{2})"
            + "T(?<hr>\\p{Nd}{2}):(?<mi>\\p{Nd}{2}):(?<sc>\\p{Nd}{2})Z";
    static final Pattern TS_ANYWHERE = Pattern.compile(TS, FLAGS);
    static final Pattern TAG_START = Pattern.compile("^" + B + "*@", FLAGS);
    static final Pattern ITEM = Pattern.compile("^(?<lspace>" + B + "*)?"
            + "(?:@|(?<lopspace>" + B + "*)(?<operator>[+-])(?<ropspace>" + B + "*))?"
            + "(?<name>" + Names.NAME_RE + ")(?<pspace>" + B + "+)?"
            + "(?:\\[(?<deps>[^\\]]+)\\]" + B + "*)?"
            + "(?:" + TS + B + "*)?"
            + "(?:(?<pname>[^<]+)" + B + "+<(?<pemail>[^>]+)>)?$", FLAGS);
    /** What {@code deps.split(B + "+")} compiled on every change line. */
    static final Pattern BLANKS = Pattern.compile(B + "+");
    static final Pattern TRAILING_SPACE = Pattern.compile("\\s+$", FLAGS);

    private PlanGrammar() {
    }

    static boolean perlTrue(String s) {
        return s != null && !s.isEmpty() && !s.equals("0");
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
