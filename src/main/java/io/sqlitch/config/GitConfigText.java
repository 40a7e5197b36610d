package io.sqlitch.config;

import io.sqlitch.SqitchException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one git-config file, parsed and edited exactly as Config::GitLike 1.18 (non-"compatible" mode)
 * does, which is what Sqitch uses for every {@code sqitch.conf}.
 *
 * <p>Hand-written on purpose: no Java library reads and rewrites git-config files keeping every byte (comments,
 * order, tabs, blank lines) and reproducing Config::GitLike's edit positions, quoting and quirks. Edits work on
 * the raw text by offsets, like Config::GitLike, so everything not edited stays byte for byte.
 */
public final class GitConfigText {

    /** One parsed item: a section header (name null) or a variable (value null when the line has no '='). */
    public record Item(String section, String name, String value, int offset, int length) {
        public boolean isHeader() {
            return name == null;
        }
    }

    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE;
    private static final Pattern LEADING_SPACE = Pattern.compile("\\A\\s*", FLAGS | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern COMMENT = Pattern.compile("\\A[#;].*?$", FLAGS);
    private static final Pattern SECTION = Pattern.compile("\\A\\[([^\\s\\[\\]\"]+)(?:[\\t ]*\"([^\\n]*?)\")?\\]",
            FLAGS | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern KEY = Pattern.compile("\\A([^\\[=\\n][^=\\n]*?)[\\t ]*(?:[#;].*)?$", FLAGS);
    private static final Pattern KEY_VALUE = Pattern.compile("\\A([^\\[=\\n][^=\\n]*?)[\\t ]*=[\\t ]*", FLAGS);
    private static final Pattern V_END = Pattern.compile("\\A([ \\t]*[#;].*?)?$", FLAGS);
    private static final Pattern V_BLANK = Pattern.compile("\\A[\\t ]+", FLAGS);
    private static final Pattern V_CONT = Pattern.compile("\\A\\\\\\r?\\n", FLAGS);
    private static final Pattern V_QUOTED = Pattern.compile(
            "\\A\"([^\"\\\\]*(?:(?:\\\\\\n|\\\\[tbn\"\\\\])[^\"\\\\]*)*)\"", FLAGS);
    private static final Pattern V_PLAIN = Pattern.compile("\\A([^\\t \\\\\\n\"]+)", FLAGS);

    private GitConfigText() {
    }

    /**
     * Parses the text into items; a syntax error is Config::GitLike's message naming the file, line and position.
     */
    public static List<Item> parse(String content, String fileName) {
        List<Item> items = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            return items;
        }
        int length = content.length();
        int pos = 0;
        String section = null;
        Matcher m = LEADING_SPACE.matcher(content);
        while (true) {
            pos = skip(m, LEADING_SPACE, content, pos);
            int offset = pos;
            Matcher x;
            if ((x = at(COMMENT, content, pos)) != null) {
                pos = x.end();
            } else if ((x = at(SECTION, content, pos)) != null) {
                section = x.group(1).toLowerCase(java.util.Locale.ROOT);
                String sub = x.group(2);
                if (sub != null && !sub.isEmpty()) {
                    String check = sub.replace("\\\\", "").replace("\\\"", "");
                    if (check.contains("\\") || check.contains("\"")) {
                        throw error(content, offset, fileName);
                    }
                    section = section + "." + sub.replace("\\\\", "\\").replace("\\\"", "\"");
                }
                pos = x.end();
                items.add(new Item(section, null, null, offset, pos - offset));
            } else if ((x = at(KEY, content, pos)) != null) {
                if (section == null) {
                    throw error(content, offset, fileName);
                }
                pos = x.end();
                items.add(new Item(section, x.group(1), null, offset, pos - offset));
            } else if ((x = at(KEY_VALUE, content, pos)) != null) {
                if (section == null) {
                    throw error(content, offset, fileName);
                }
                String name = x.group(1);
                pos = x.end();
                StringBuilder value = new StringBuilder();
                while (true) {
                    Matcher v;
                    if ((v = at(V_END, content, pos)) != null) {
                        pos = v.end();
                        break;
                    } else if ((v = at(V_BLANK, content, pos)) != null) {
                        value.append(' ');
                        pos = v.end();
                    } else if ((v = at(V_CONT, content, pos)) != null) {
                        pos = v.end();
                    } else if (content.startsWith("\\\\", pos)) {
                        value.append('\\');
                        pos += 2;
                    } else if (content.startsWith("\\\"", pos) || content.startsWith("\\'", pos)) {
                        value.append(content.charAt(pos + 1));
                        pos += 2;
                    } else if (content.startsWith("\\n", pos)) {
                        value.append('\n');
                        pos += 2;
                    } else if (content.startsWith("\\t", pos)) {
                        value.append('\t');
                        pos += 2;
                    } else if (content.startsWith("\\b", pos)) {
                        value.append('\b');
                        pos += 2;
                    } else if ((v = at(V_QUOTED, content, pos)) != null) {
                        // Config::GitLike quirk: \" inside quotes is kept as is (not unescaped).
                        String q = v.group(1).replace("\\\n", "").replace("\\n", "\n").replace("\\t", "\t")
                                .replace("\\b", "\b").replace("\\\\", "\\");
                        value.append(q);
                        pos = v.end();
                    } else if ((v = at(V_PLAIN, content, pos)) != null) {
                        value.append(v.group(1));
                        pos = v.end();
                    } else {
                        throw error(content, offset, fileName);
                    }
                }
                items.add(new Item(section, name, value.toString(), offset, pos - offset));
            } else if (pos >= length) {
                break;
            } else {
                throw error(content, offset, fileName);
            }
        }
        return items;
    }

    private static int skip(Matcher unused, Pattern p, String content, int pos) {
        Matcher m = at(p, content, pos);
        return m == null ? pos : m.end();
    }

    private static Matcher at(Pattern p, String content, int pos) {
        Matcher m = p.matcher(content);
        m.region(pos, content.length());
        m.useTransparentBounds(true);
        return m.lookingAt() ? m : null;
    }

    /** Config::GitLike's parse error, including its line count that starts one too high (a quirk we keep). */
    static SqitchException error(String content, int offset, String fileName) {
        int prev = content.lastIndexOf('\n', offset);
        int next = content.indexOf('\n', offset);
        String line = content.substring(prev + 1, next < 0 ? content.length() : next);
        int lineNumber = 1;
        int current = 0;
        int cursor = 0;
        while (current <= offset) {
            int nl = content.indexOf('\n', cursor);
            if (nl < 0) {
                break;
            }
            current += nl + 1 - cursor;
            cursor = nl + 1;
            lineNumber++;
        }
        int position = line.length() - (current - (offset + 1));
        return new SqitchException("Error parsing " + fileName + " at line " + lineNumber + ", position "
                + position + ".\nBad line was: '" + line + "'");
    }

    /**
     * Normalises file text as Config::GitLike reads it before an edit: CRLF (or lone CR) becomes LF and the
     * trailing newlines collapse to exactly one.
     */
    public static String normalize(String raw) {
        String c = raw;
        if (c.contains("\r\n")) {
            c = c.replace("\r\n", "\n");
        } else if (!c.contains("\n") && c.contains("\r")) {
            c = c.replace('\r', '\n');
        }
        int end = c.length();
        while (end > 0 && c.charAt(end - 1) == '\n') {
            end--;
        }
        return c.substring(0, end) + "\n";
    }

    /** The newline convention of raw file text, restored on write. */
    public static String newlines(String raw) {
        if (raw.contains("\r\n")) {
            return "\r\n";
        }
        return !raw.contains("\n") && raw.contains("\r") ? "\r" : "\n";
    }

    /** {@code [section]} or {@code [section "sub"]}: the text before the first dot is the section. */
    public static String formatSection(String section) {
        int dot = section.indexOf('.');
        return dot < 0 ? "[" + section + "]" : "[" + section.substring(0, dot) + " \"" + section.substring(dot + 1) + "\"]";
    }

    /** {@code key = value} with Config::GitLike's quoting and escaping (no tab, no newline). */
    public static String formatDefinition(String key, String value) {
        boolean quote = Pattern.compile("(^\\s|;|#|\\s$)").matcher(value).find();
        String v = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n");
        String q = quote ? "\"" : "";
        return key + " = " + q + v + q;
    }

    /**
     * Sets, adds, replaces or (value null) unsets a key in the text, as Config::GitLike's {@code set}.
     *
     * @param content    the normalised file text, or null when the file does not exist
     * @param value      the new value (already cast), or null to unset
     * @param filter     a value regex (case-insensitive; a leading {@code !} negates), or null
     * @param multiple   whether the key may hold several values
     * @param replaceAll replace every matching value (combined at the last one's place)
     * @return the new text
     */
    public static String set(String content, String fileName, String key, String value, String filter,
                             boolean multiple, boolean replaceAll) {
        ConfigKey k = ConfigKey.parse(key);
        String subsection = k.subsection();
        String cmpSection = subsection == null ? k.section().toLowerCase(java.util.Locale.ROOT)
                : k.section().toLowerCase(java.util.Locale.ROOT) + "." + subsection;
        String combined = subsection == null ? k.section()
                : k.section() + "." + subsection.replace("\\", "\\\\").replace("\"", "\\\"");
        String c = content == null ? "" : content;
        int newPos = -1;
        List<Item> replace = new ArrayList<>();
        Predicate<String> match = valueFilter(filter);
        for (Item item : parse(content, fileName)) {
            if (!item.section().equals(cmpSection)) {
                continue;
            }
            newPos = item.offset() + item.length();
            if (item.isHeader()) {
                continue;
            }
            if (k.name().equalsIgnoreCase(item.name()) && match.test(item.value())) {
                replace.add(item);
            }
        }
        if (replace.size() > 1 && !multiple) {
            throw new SqitchException("Multiple occurrences of non-multiple key?");
        }
        // Perl truthiness: a value of "" or "0" does not limit the replacement to the first occurrence.
        boolean truthy = value != null && !value.isEmpty() && !value.equals("0");
        if (!replace.isEmpty() && truthy && !replaceAll) {
            replace = new ArrayList<>(List.of(replace.get(0)));
        }
        if (value != null) {
            if (!replace.isEmpty() && (!multiple || (filter != null && !filter.isEmpty()) || replaceAll)) {
                Item last = replace.remove(replace.size() - 1);
                int[] diff = {0};
                c = unset(replace, c, diff);
                int start = last.offset() - diff[0];
                c = c.substring(0, start) + formatDefinition(k.name(), value) + c.substring(start + last.length());
            } else if (newPos >= 0) {
                int at = c.indexOf('\n', newPos) + 1;
                c = c.substring(0, at) + "\t" + formatDefinition(k.name(), value) + "\n" + c.substring(at);
            } else {
                c = c + formatSection(combined) + "\n" + "\t" + formatDefinition(k.name(), value) + "\n";
            }
        } else {
            if (replace.isEmpty()) {
                throw new SqitchException("No occurrence of " + key + " found to unset in " + fileName);
            }
            c = unset(replace, c, new int[] {0});
        }
        return c;
    }

    private static Predicate<String> valueFilter(String filter) {
        if (filter == null || filter.isEmpty()) {
            return v -> true;
        }
        if (filter.equals("!")) {
            return v -> false;
        }
        if (filter.startsWith("!")) {
            Pattern p = Pattern.compile(filter.substring(1), Pattern.CASE_INSENSITIVE);
            return v -> v == null || !p.matcher(v).find();
        }
        Pattern p = Pattern.compile(filter, Pattern.CASE_INSENSITIVE);
        return v -> v != null && p.matcher(v).find();
    }

    private static String unset(List<Item> items, String c, int[] diff) {
        for (Item var : items) {
            int at = var.offset() - diff[0];
            int newline = c.lastIndexOf('\n', at);
            int bracket = c.lastIndexOf(']', at) + 1;
            int start = Math.max(newline, bracket);
            int len = c.indexOf('\n', at + var.length()) - start;
            c = c.substring(0, start) + c.substring(start + len);
            diff[0] += len;
        }
        return c;
    }

    /**
     * Renames every header of a section, or (to null) removes the sections with their variables, as
     * Config::GitLike's {@code rename_section}/{@code remove_section}.
     */
    public static String renameSection(String content, String fileName, String from, String to) {
        from = ConfigKey.removeBalancedQuotes(from);
        if (to != null) {
            to = ConfigKey.removeBalancedQuotes(to);
        }
        record Span(int offset, int[] length, boolean[] last) {
        }
        List<Span> replace = new ArrayList<>();
        boolean prevMatched = false;
        for (Item got : parse(content, fileName)) {
            if (!replace.isEmpty() && got.isHeader()) {
                replace.get(replace.size() - 1).last()[0] = false;
            }
            Span lastSpan = replace.isEmpty() ? null : replace.get(replace.size() - 1);
            if (got.section().equalsIgnoreCase(from)) {
                if (!got.isHeader()) {
                    if (prevMatched && to == null) {
                        lastSpan.length()[0] += (got.offset() + got.length()) - (lastSpan.offset() + lastSpan.length()[0]);
                    }
                } else {
                    if (lastSpan != null && prevMatched && to == null) {
                        lastSpan.length()[0] += got.offset() - (lastSpan.offset() + lastSpan.length()[0]);
                    }
                    replace.add(new Span(got.offset(), new int[] {got.length()}, new boolean[] {true}));
                    prevMatched = true;
                }
            } else {
                if (lastSpan != null && prevMatched && to == null) {
                    lastSpan.length()[0] += got.offset() - (lastSpan.offset() + lastSpan.length()[0]);
                }
                prevMatched = false;
            }
        }
        if (replace.isEmpty()) {
            throw new SqitchException("No such section '" + from + "'");
        }
        String with = to == null ? "" : formatSection(to);
        String c = content;
        int diff = 0;
        for (Span h : replace) {
            int start = h.offset() + diff;
            int len = to == null && h.last()[0] ? c.length() - start : h.length()[0];
            c = c.substring(0, start) + with + c.substring(start + len);
            diff += with.length() - h.length()[0];
        }
        return c;
    }
}
