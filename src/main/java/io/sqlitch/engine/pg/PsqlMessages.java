package io.sqlitch.engine.pg;

import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.ServerErrorMessage;

/**
 * Server errors and notices as psql prints them (libpq's default verbosity): {@code psql:<file>:<line>: ERROR:  msg},
 * then for a located error the statement's line ({@code LINE n: ...}) and a caret under the position, then
 * {@code DETAIL:}, {@code HINT:}, {@code QUERY:} and, for errors, {@code CONTEXT:} lines.
 */
final class PsqlMessages {

    private static final int DISPLAY_SIZE = 60;
    private static final int MIN_RIGHT_CUT = 10;

    private PsqlMessages() {
    }

    /** The stderr lines for a server message about {@code query}, prefixed with {@code psql:<file>:<line>: }. */
    static List<String> format(String prefix, ServerErrorMessage m, String query, boolean error) {
        List<String> lines = new ArrayList<>();
        String first = prefix + m.getSeverity() + ":  " + nz(m.getMessage());
        String cursorQuery = null;
        int cursor = 0;
        if (m.getPosition() > 0) {
            cursorQuery = query;
            cursor = m.getPosition();
        } else if (m.getInternalPosition() > 0) {
            if (m.getInternalQuery() != null) {
                cursorQuery = m.getInternalQuery();
                cursor = m.getInternalPosition();
            } else {
                first += " at character " + m.getInternalPosition();
            }
        }
        addLines(lines, first);
        if (cursorQuery != null) {
            lines.addAll(cursor(cursorQuery, cursor));
        }
        addLabeled(lines, "DETAIL", m.getDetail());
        addLabeled(lines, "HINT", m.getHint());
        addLabeled(lines, "QUERY", m.getInternalQuery());
        if (error) {
            addLabeled(lines, "CONTEXT", m.getWhere());
        }
        return lines;
    }

    private static void addLabeled(List<String> lines, String label, String value) {
        if (value != null) {
            addLines(lines, label + ":  " + value);
        }
    }

    private static void addLines(List<String> lines, String text) {
        for (String l : text.split("\n", -1)) {
            lines.add(l);
        }
    }

    /** libpq's reportErrorPosition: the line holding 1-based character position loc, then the caret line. */
    static List<String> cursor(String query, int loc) {
        int[] cps = query.codePoints().map(c -> c == '\t' ? ' ' : c).toArray();
        int target = loc - 1;
        if (target < 0) {
            return List.of();
        }
        int lineNo = 1;
        int ibeg = 0;
        int iend = -1;
        int cno = 0;
        for (; cno < cps.length; cno++) {
            int ch = cps[cno];
            if (ch == '\r' || ch == '\n') {
                if (cno < target) {
                    if (ch == '\r' || cno == 0 || cps[cno - 1] != '\r') {
                        lineNo++;
                    }
                    ibeg = cno + 1;
                } else {
                    iend = cno;
                    break;
                }
            }
        }
        if (iend < 0) {
            iend = cno;
        }
        if (target > cno) {
            return List.of();
        }
        // One screen column per character (libpq counts East Asian wide characters as two).
        boolean begTrunc = false;
        boolean endTrunc = false;
        if (iend - ibeg > DISPLAY_SIZE) {
            if (ibeg + DISPLAY_SIZE >= target + MIN_RIGHT_CUT) {
                while (iend - ibeg > DISPLAY_SIZE) {
                    iend--;
                }
                endTrunc = true;
            } else {
                while (target + MIN_RIGHT_CUT < iend) {
                    iend--;
                    endTrunc = true;
                }
                while (iend - ibeg > DISPLAY_SIZE) {
                    ibeg++;
                    begTrunc = true;
                }
            }
        }
        String head = "LINE " + lineNo + ": " + (begTrunc ? "..." : "");
        String text = new String(cps, ibeg, iend - ibeg);
        String caret = " ".repeat(head.length() + target - ibeg) + "^";
        return List.of(head + text + (endTrunc ? "..." : ""), caret);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
