package io.sqlitch.format;

import io.sqlitch.SqitchException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sqitch's {@code App::Sqitch::ItemFormatter}: expands {@code %} codes of a log/plan template for one
 * {@link FormatItem}. Codes take an optional {@code {argument}}, and {@code -}, width and {@code .max} as
 * String::Formatter allows ({@code %-10n}, {@code %.7H}).
 *
 * <p>Unlike Sqitch 1.3.1 on SQLite (which crashes on them), {@code %t %T %r %R %x %X} and list attributes work.
 */
public final class ItemFormatter {

    // String::Formatter's hunk: %, optional '-', min width, .max width, {argument}, one non-space code.
    private static final Pattern CODE = Pattern.compile(
            "%(-)?([0-9]+)?(?:\\.([0-9]*))?(?:\\{(.*?)\\})?(\\S)",
            Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FIRST_VERTICAL = Pattern.compile("\\v.*", Pattern.DOTALL);
    private static final Pattern SUBJECT_LINE = Pattern.compile("^[^\\n]+\\v+");
    private static final Pattern LINE_START = Pattern.compile("^", Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Pattern DATE_ARG = Pattern.compile("^d(?:ate)?(?::|$)");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*\\+?([0-9]+)");

    private final int abbrev;
    private final String dateFormat;
    private final boolean color;
    private final ZoneId zone;

    /**
     * @param abbrev     {@code --abbrev}: length of {@code %h} ids, 0 for the full id
     * @param dateFormat {@code --date-format} for {@code %{date}c}/{@code %{date}p} (Sqitch's default is
     *                   {@code iso}); validated here
     * @param color      whether {@code %C} codes emit ANSI escapes ({@code --color always}, or auto on a TTY)
     * @param zone       local time zone for dates other than {@code raw}
     */
    public ItemFormatter(int abbrev, String dateFormat, boolean color, ZoneId zone) {
        DateFormats.validate(dateFormat);
        this.abbrev = abbrev;
        this.dateFormat = dateFormat;
        this.color = color;
        this.zone = zone;
    }

    /** Sqitch's defaults: no abbreviation, {@code iso} dates, no colour. */
    public static ItemFormatter defaults(ZoneId zone) {
        return new ItemFormatter(0, "iso", false, zone);
    }

    /** Expands {@code template} for {@code item}; Sqitch's messages on bad codes or arguments. */
    public String format(String template, FormatItem item) {
        StringBuilder out = new StringBuilder();
        Matcher m = CODE.matcher(template);
        int pos = 0;
        while (m.find(pos)) {
            out.append(template, pos, m.start());
            pos = m.end();
            if (m.group().equals("%%")) {
                out.append('%');
                continue;
            }
            String value = expand(m.group(5), m.group(4), item);
            out.append(fit(value == null ? "" : value, m.group(1) != null, m.group(2), m.group(3)));
        }
        out.append(template, pos, template.length());
        return out.toString();
    }

    /** String::Formatter's sprintf "%-MIN.MAXs" on the replacement; an empty or zero MAX means no limit. */
    private static String fit(String value, boolean left, String min, String max) {
        String s = value;
        if (max != null && !max.isEmpty()) {
            int limit = parseInt(max);
            if (limit > 0 && s.codePointCount(0, s.length()) > limit) {
                s = s.substring(0, s.offsetByCodePoints(0, limit));
            }
        }
        int width = min == null ? 0 : parseInt(min);
        int len = s.codePointCount(0, s.length());
        if (len >= width) {
            return s;
        }
        String pad = " ".repeat(width - len);
        return left ? s + pad : pad + s;
    }

    private static int parseInt(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String expand(String code, String arg, FormatItem item) {
        switch (code) {
            case "e":
                return item.event();
            case "L":
                return eventName(item.event(), true);
            case "l":
                return eventName(item.event(), false);
            case "_":
                return label(arg);
            case "H":
                return item.changeId();
            case "h":
                return abbreviate(item.changeId(), arg);
            case "n":
                return item.change();
            case "o":
                return item.project();
            case "c":
                return person(arg, item.committerName(), item.committerEmail(), item.committedAt());
            case "p":
                return person(arg, item.plannerName(), item.plannerEmail(), item.plannedAt());
            case "t":
                return joined(item.tags(), arg, " ", "");
            case "T":
                return joined(item.tags(), arg, " (", ")");
            case "r":
                return joined(item.requires(), arg, " ", "");
            case "R":
                // "Requires: " plus a space: two spaces before the list, as in Sqitch.
                return joined(item.requires(), arg, "Requires:  ", "\n");
            case "x":
                return joined(item.conflicts(), arg, " ", "");
            case "X":
                return joined(item.conflicts(), arg, "Conflicts: ", "\n");
            case "v":
                return "\n";
            case "C":
                return colour(arg, item.event());
            case "s":
                return (arg == null ? "" : arg) + FIRST_VERTICAL.matcher(note(item)).replaceFirst("");
            case "b":
                return body(note(item), arg);
            case "B":
                return arg == null ? note(item) : prefixLines(note(item), arg);
            case "a":
                return attribute(arg, item);
            default:
                throw new SqitchException("Unknown format code \"" + code + "\"");
        }
    }

    private static String note(FormatItem item) {
        return item.note() == null ? "" : item.note();
    }

    private static String eventName(String event, boolean capital) {
        if (event == null) {
            return "";
        }
        return switch (event) {
            case "deploy" -> capital ? "Deploy" : "deploy";
            case "revert" -> capital ? "Revert" : "revert";
            case "fail" -> capital ? "Fail" : "fail";
            default -> "";
        };
    }

    private static String label(String arg) {
        if (arg == null) {
            throw new SqitchException("No label passed to the _ format");
        }
        return switch (arg) {
            case "event" -> "Event:    ";
            case "change" -> "Change:   ";
            case "committer" -> "Committer:";
            case "planner" -> "Planner:  ";
            case "by" -> "By:       ";
            case "date" -> "Date:     ";
            case "committed" -> "Committed:";
            case "planned" -> "Planned:  ";
            case "name" -> "Name:     ";
            case "project" -> "Project:  ";
            case "email" -> "Email:    ";
            case "requires" -> "Requires: ";
            case "conflicts" -> "Conflicts:";
            default -> throw new SqitchException("Unknown label \"" + arg + "\" passed to the _ format");
        };
    }

    private String abbreviate(String id, String arg) {
        if (id == null) {
            return "";
        }
        int length = perlTrue(arg) ? perlInt(arg) : abbrev;
        if (length == 0 && !perlTrue(arg)) {
            return id;
        }
        return id.substring(0, Math.min(Math.max(length, 0), id.length()));
    }

    private static boolean perlTrue(String s) {
        return s != null && !s.isEmpty() && !s.equals("0");
    }

    private static int perlInt(String s) {
        Matcher m = LEADING_INT.matcher(s);
        return m.find() ? parseInt(m.group(1)) : 0;
    }

    private String person(String arg, String name, String email, Instant at) {
        String n = name == null ? "" : name;
        String e = email == null ? "" : email;
        if (arg == null) {
            return n + " <" + e + ">";
        }
        if (arg.equals("n") || arg.equals("name")) {
            return n;
        }
        if (arg.equals("e") || arg.equals("email")) {
            return e;
        }
        Matcher m = DATE_ARG.matcher(arg);
        if (m.find()) {
            String fmt = arg.substring(m.end());
            if (at == null) {
                return "";
            }
            return DateFormats.format(at, fmt.isEmpty() ? dateFormat : fmt, zone);
        }
        return "";
    }

    private static String joined(List<String> list, String sep, String before, String after) {
        if (list == null || list.isEmpty()) {
            return "";
        }
        return before + String.join(perlTrue(sep) ? sep : ", ", list) + after;
    }

    private String colour(String arg, String event) {
        String name;
        if (":event".equals(arg)) {
            name = "deploy".equals(event) ? "green" : "revert".equals(event) ? "blue" : "red";
        } else {
            name = arg;
        }
        // Sqitch validates the colour even when colours are off.
        String escape = perlTrue(name) ? AnsiColor.escape(name).orElse(null) : null;
        if (escape == null) {
            throw new SqitchException((arg == null ? "" : arg) + " is not a valid ANSI color");
        }
        return color ? escape : "";
    }

    private static String body(String note, String prefix) {
        if (!FIRST_VERTICAL.matcher(note).find()) {
            return "";
        }
        String b = SUBJECT_LINE.matcher(note).replaceFirst("");
        return prefix != null && !b.isEmpty() ? prefixLines(b, prefix) : b;
    }

    private static String prefixLines(String text, String prefix) {
        // Perl's /^/m matches at the start of an empty string too (Java's MULTILINE ^ does not).
        if (text.isEmpty()) {
            return prefix;
        }
        return LINE_START.matcher(text).replaceAll(Matcher.quoteReplacement(prefix));
    }

    private String attribute(String arg, FormatItem item) {
        Object value = perlTrue(arg) ? item.attribute(arg) : null;
        if (value == null) {
            throw new SqitchException((arg == null ? "" : arg) + " is not a valid change attribute");
        }
        String text;
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "";
            }
            text = String.join(", ", list.stream().map(String::valueOf).toList());
        } else if (value instanceof Instant instant) {
            text = DateFormats.format(instant, "raw", zone);
        } else {
            text = value.toString();
        }
        return arg + " ".repeat(Math.max(9 - arg.length(), 0)) + " " + text + "\n";
    }
}
