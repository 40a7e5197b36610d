package io.sqlitch.format;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ANSI colour names as Perl's Term::ANSIColor understands them, turned into escape sequences. */
final class AnsiColor {

    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("clear", "0"), Map.entry("reset", "0"), Map.entry("bold", "1"), Map.entry("dark", "2"),
            Map.entry("faint", "2"), Map.entry("italic", "3"), Map.entry("underline", "4"),
            Map.entry("underscore", "4"), Map.entry("blink", "5"), Map.entry("reverse", "7"),
            Map.entry("concealed", "8"),
            Map.entry("black", "30"), Map.entry("red", "31"), Map.entry("green", "32"), Map.entry("yellow", "33"),
            Map.entry("blue", "34"), Map.entry("magenta", "35"), Map.entry("cyan", "36"), Map.entry("white", "37"),
            Map.entry("bright_black", "90"), Map.entry("bright_red", "91"), Map.entry("bright_green", "92"),
            Map.entry("bright_yellow", "93"), Map.entry("bright_blue", "94"), Map.entry("bright_magenta", "95"),
            Map.entry("bright_cyan", "96"), Map.entry("bright_white", "97"),
            Map.entry("on_black", "40"), Map.entry("on_red", "41"), Map.entry("on_green", "42"),
            Map.entry("on_yellow", "43"), Map.entry("on_blue", "44"), Map.entry("on_magenta", "45"),
            Map.entry("on_cyan", "46"), Map.entry("on_white", "47"),
            Map.entry("on_bright_black", "100"), Map.entry("on_bright_red", "101"),
            Map.entry("on_bright_green", "102"), Map.entry("on_bright_yellow", "103"),
            Map.entry("on_bright_blue", "104"), Map.entry("on_bright_magenta", "105"),
            Map.entry("on_bright_cyan", "106"), Map.entry("on_bright_white", "107"));

    private static final Pattern ANSI = Pattern.compile("(on_)?ansi(\\d+)");
    private static final Pattern RGB6 = Pattern.compile("(on_)?rgb([0-5])([0-5])([0-5])");
    private static final Pattern GREY = Pattern.compile("(on_)?grey(\\d+)");
    private static final Pattern RGB24 = Pattern.compile("(on_)?r(\\d+)g(\\d+)b(\\d+)");

    private AnsiColor() {
    }

    /** The escape sequence for a space-separated list of colour names, or empty when any name is invalid. */
    static Optional<String> escape(String spec) {
        StringBuilder codes = new StringBuilder();
        for (String name : spec.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
            Optional<String> code = code(name);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            if (codes.length() > 0) {
                codes.append(';');
            }
            codes.append(code.get());
        }
        return codes.length() == 0 ? Optional.empty() : Optional.of("\u001b[" + codes + "m");
    }

    private static Optional<String> code(String name) {
        String attr = ATTRIBUTES.get(name);
        if (attr != null) {
            return Optional.of(attr);
        }
        Matcher m = ANSI.matcher(name);
        if (m.matches() && m.group(2).length() <= 3 && Integer.parseInt(m.group(2)) <= 255) {
            return Optional.of(base(m.group(1)) + ";5;" + Integer.parseInt(m.group(2)));
        }
        m = RGB6.matcher(name);
        if (m.matches()) {
            int n = 16 + 36 * digit(m, 2) + 6 * digit(m, 3) + digit(m, 4);
            return Optional.of(base(m.group(1)) + ";5;" + n);
        }
        m = GREY.matcher(name);
        if (m.matches() && m.group(2).length() <= 2 && Integer.parseInt(m.group(2)) <= 23) {
            return Optional.of(base(m.group(1)) + ";5;" + (232 + Integer.parseInt(m.group(2))));
        }
        m = RGB24.matcher(name);
        if (m.matches() && small(m.group(2)) && small(m.group(3)) && small(m.group(4))) {
            return Optional.of(base(m.group(1)) + ";2;" + Integer.parseInt(m.group(2)) + ";"
                    + Integer.parseInt(m.group(3)) + ";" + Integer.parseInt(m.group(4)));
        }
        return Optional.empty();
    }

    private static boolean small(String digits) {
        return digits.length() <= 3 && Integer.parseInt(digits) <= 255;
    }

    private static int digit(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static String base(String onPrefix) {
        return onPrefix == null ? "38" : "48";
    }
}
