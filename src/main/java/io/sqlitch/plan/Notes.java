package io.sqlitch.plan;

import java.util.regex.Pattern;

/** Note trimming, escaping and unescaping as in {@code App::Sqitch::Plan::Line}. */
final class Notes {

    private static final Pattern LEADING = Pattern.compile("\\A\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING = Pattern.compile("\\s+\\z", Pattern.UNICODE_CHARACTER_CLASS);

    private Notes() {
    }

    /** The note as stored: trimmed, then {@code \\ \n \r} unescaped left to right; "" when absent. */
    static String fromPlan(String raw) {
        // Perl: "if (my $note = ...)" skips the empty string and "0" (the latter kept verbatim).
        if (raw == null || raw.isEmpty() || raw.equals("0")) {
            return raw == null ? "" : raw;
        }
        String note = TRAILING.matcher(LEADING.matcher(raw).replaceFirst("")).replaceFirst("");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '\\' && i + 1 < note.length()) {
                char n = note.charAt(i + 1);
                if (n == '\\' || n == 'n' || n == 'r') {
                    sb.append(n == '\\' ? '\\' : n == 'n' ? '\n' : '\r');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** True when Perl would treat the note as true (non-empty and not "0"). */
    static boolean isTrue(String note) {
        return note != null && !note.isEmpty() && !note.equals("0");
    }

    /** {@code "# " + escaped note}, or "" when the note is empty. */
    static String format(String note) {
        if (note == null || note.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("# ");
        for (char c : note.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
