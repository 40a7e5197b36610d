package io.sqlitch.engine;

import java.util.ArrayList;
import java.util.List;

/** The sqlite3 shell's parsing of a dot-command line: its arguments and which command an abbreviation means. */
final class DotCommand {

    private DotCommand() {
    }

    /** The shell's argument split: the name, then words, 'single' (verbatim) or "double" (backslash escapes). */
    static List<String> arguments(String line) {
        List<String> args = new ArrayList<>();
        int h = 1;
        int n = line.length();
        while (h < n) {
            while (h < n && SqlLexer.isSpace(line.charAt(h))) {
                h++;
            }
            if (h >= n) {
                break;
            }
            char c = line.charAt(h);
            if (c == '\'' || c == '"') {
                h++;
                int start = h;
                while (h < n && line.charAt(h) != c) {
                    if (line.charAt(h) == '\\' && c == '"' && h + 1 < n) {
                        h++;
                    }
                    h++;
                }
                String arg = line.substring(start, h);
                if (h < n) {
                    h++;
                }
                args.add(c == '"' ? resolveBackslashes(arg) : arg);
            } else {
                int start = h;
                while (h < n && !SqlLexer.isSpace(line.charAt(h))) {
                    h++;
                }
                args.add(resolveBackslashes(line.substring(start, h)));
            }
        }
        return args;
    }

    /** The shell's resolve_backslashes(): C escapes and octal. */
    static String resolveBackslashes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            c = s.charAt(++i);
            switch (c) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'v' -> out.append('\u000B');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case '"' -> out.append('"');
                case '\'' -> out.append('\'');
                case '\\' -> out.append('\\');
                default -> {
                    if (c >= '0' && c <= '7') {
                        int v = c - '0';
                        for (int k = 0; k < 2 && i + 1 < s.length() && s.charAt(i + 1) >= '0'
                                && s.charAt(i + 1) <= '7'; k++) {
                            v = v * 8 + (s.charAt(++i) - '0');
                        }
                        out.append((char) v);
                    } else {
                        out.append('\\').append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The full name of a command the shell would run for this (possibly abbreviated) name, for the commands we
     * implement; otherwise the name itself.
     */
    static String canonical(String name) {
        String[][] known = {
                // {full name, shortest abbreviation the shell accepts}
                {"read", "rea"}, {"print", "pri"}, {"headers", "h"}, {"bail", "bai"}, {"echo", "e"},
                {"mode", "m"}, {"nullvalue", "n"}, {"quit", "q"}, {"exit", "ex"},
        };
        for (String[] k : known) {
            if (name.length() >= k[1].length() && k[0].startsWith(name)) {
                return k[0];
            }
        }
        return name;
    }

    /** The shell's booleanValue(); null when it is not one (the shell warns and assumes "no"). */
    static Boolean booleanValue(String arg) {
        if (arg.matches("[0-9]+")) {
            return !arg.matches("0+");
        }
        if (arg.equalsIgnoreCase("on") || arg.equalsIgnoreCase("yes")) {
            return true;
        }
        if (arg.equalsIgnoreCase("off") || arg.equalsIgnoreCase("no")) {
            return false;
        }
        return null;
    }
}
