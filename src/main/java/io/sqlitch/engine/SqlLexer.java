package io.sqlitch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's lexical view of SQL text, as far as the sqlite3 shell needs it: {@code sqlite3_complete()}'s state
 * machine (which decides where a statement, including {@code CREATE TRIGGER ... BEGIN ...; END;}, ends), the
 * split of one input buffer into the statements {@code sqlite3_prepare} would take one after another, and the
 * tokens used to locate an error in a statement.
 */
final class SqlLexer {

    /** Token kinds of {@code sqlite3_complete()}. */
    enum Kind { SEMI, WS, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    /** One token: kind, [start, end) in the text, and whether it is a comment or whitespace. */
    record Token(Kind kind, int start, int end, String text) {
    }

    // sqlite3_complete()'s transition table: state x token kind -> state (complete.c).
    private static final int[][] TRANS = {
            /* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
            /* 1 START   */ {1, 1, 2, 3, 4, 2, 2, 2},
            /* 2 NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
            /* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
            /* 4 CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
            /* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
            /* 6 SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
            /* 7 END     */ {1, 7, 5, 5, 5, 5, 5, 5},
    };

    private SqlLexer() {
    }

    /** sqlite3's IsSpace (C isspace): the characters the shell skips between statements. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '$' || c >= 0x80;
    }

    /**
     * Tokens as {@code sqlite3_complete()} sees them. An unterminated quote or block comment ends the list with
     * a token of kind {@code null} ("cannot be complete").
     */
    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            Kind kind;
            switch (c) {
                case ';' -> {
                    kind = Kind.SEMI;
                    i++;
                }
                case ' ', '\r', '\t', '\n', '\f' -> {
                    kind = Kind.WS;
                    i++;
                }
                case '/' -> {
                    if (i + 1 < n && sql.charAt(i + 1) == '*') {
                        int close = sql.indexOf("*/", i + 2);
                        if (close < 0) {
                            out.add(new Token(null, start, n, sql.substring(start)));
                            return out;
                        }
                        i = close + 2;
                        kind = Kind.WS;
                    } else {
                        i++;
                        kind = Kind.OTHER;
                    }
                }
                case '-' -> {
                    if (i + 1 < n && sql.charAt(i + 1) == '-') {
                        int nl = sql.indexOf('\n', i);
                        i = nl < 0 ? n : nl + 1;
                        kind = Kind.WS;
                    } else {
                        i++;
                        kind = Kind.OTHER;
                    }
                }
                case '[', '`', '"', '\'' -> {
                    char close = c == '[' ? ']' : c;
                    int end = sql.indexOf(close, i + 1);
                    if (end < 0) {
                        out.add(new Token(null, start, n, sql.substring(start)));
                        return out;
                    }
                    i = end + 1;
                    kind = Kind.OTHER;
                }
                default -> {
                    if (isIdChar(c)) {
                        i++;
                        while (i < n && isIdChar(sql.charAt(i))) {
                            i++;
                        }
                        kind = switch (sql.substring(start, i).toLowerCase(Locale.ROOT)) {
                            case "create" -> Kind.CREATE;
                            case "trigger" -> Kind.TRIGGER;
                            case "temp", "temporary" -> Kind.TEMP;
                            case "end" -> Kind.END;
                            case "explain" -> Kind.EXPLAIN;
                            default -> Kind.OTHER;
                        };
                    } else {
                        i++;
                        kind = Kind.OTHER;
                    }
                }
            }
            out.add(new Token(kind, start, i, sql.substring(start, i)));
        }
        return out;
    }

    /** {@code sqlite3_complete()}: whether the text ends with a complete statement. */
    static boolean complete(String sql) {
        int state = 0;
        for (Token t : tokens(sql)) {
            if (t.kind() == null) {
                return false;
            }
            state = TRANS[state][t.kind().ordinal()];
        }
        return state == 1;
    }

    /**
     * One input buffer cut into what successive {@code sqlite3_prepare} calls take: each piece starts after the
     * shell's whitespace skip and ends after its terminating semicolon (or at the end of the text). Pieces holding
     * only comments, whitespace and semicolons are dropped, as prepare yields no statement for them.
     *
     * @return pairs of [start, end) offsets into {@code sql}
     */
    static List<int[]> statements(String sql) {
        List<int[]> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            while (pos < sql.length() && isSpace(sql.charAt(pos))) {
                pos++;
            }
            if (pos >= sql.length()) {
                return out;
            }
            int state = 0;
            int end = sql.length();
            boolean dark = false;
            for (Token t : tokens(sql.substring(pos))) {
                if (t.kind() == null) {
                    dark |= !t.text().startsWith("/*");
                    break;
                }
                if (t.kind() != Kind.WS && t.kind() != Kind.SEMI) {
                    dark = true;
                }
                state = TRANS[state][t.kind().ordinal()];
                if (state == 1 && t.kind() == Kind.SEMI) {
                    end = pos + t.end();
                    break;
                }
            }
            if (dark) {
                out.add(new int[] {pos, end});
            }
            pos = end;
        }
    }

    /** The first {@code max} words of a statement, upper-cased, skipping comments and whitespace. */
    static List<String> words(String sql, int max) {
        List<String> words = new ArrayList<>();
        for (Token t : tokens(sql)) {
            if (t.kind() == null || t.kind() == Kind.SEMI) {
                break;
            }
            if (t.kind() == Kind.WS) {
                continue;
            }
            words.add(t.text().toUpperCase(Locale.ROOT));
            if (words.size() == max) {
                break;
            }
        }
        return words;
    }
}
