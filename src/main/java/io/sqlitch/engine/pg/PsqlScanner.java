package io.sqlitch.engine.pg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * psql's lexer (psqlscan.l) as far as running a script needs it: it cuts the input into the statements psql sends
 * (each up to its {@code ;} outside quotes, dollar quotes, comments, parentheses and {@code BEGIN ATOMIC} bodies),
 * the meta-commands ({@code \name args}) between them, and what is left at the end. Variables ({@code :v},
 * {@code :'v'}, {@code :"v"}, {@code :{?v}}) are interpolated while scanning, with the values current at that
 * point, as psql does; a {@code :v} value is scanned again (so it may hold quotes or a {@code ;}), the quoted
 * forms are not. Leading whitespace and {@code --} comments are not part of a statement; the line of a statement
 * is the line of its end, as in psql's messages.
 */
final class PsqlScanner {

    /** Variable values; null when unset. */
    interface Variables {
        String get(String name);
    }

    /** What the scanner stopped at. */
    sealed interface Item permits Statement, Meta, End {
    }

    /** A complete statement (text as psql sends it) ending on {@code line}. */
    record Statement(String sql, int line) implements Item {
    }

    /** A meta-command: its name (without backslash), the raw argument text, its line. */
    record Meta(String name, String args, int line) implements Item {
    }

    /** End of input; {@code pending} is the unterminated last statement (empty if none), on {@code line}. */
    record End(String pending, int line) implements Item {
    }

    /** A region of spliced variable text: its newlines are not input lines, its variable is not expanded again. */
    private record Splice(String name, int[] end) {
    }

    private final StringBuilder src;
    private final Variables vars;
    private final List<Splice> splices = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();
    private int pos;
    private int line = 1;
    private boolean active = true;
    private int parenDepth;
    private int beginDepth;
    private final char[] identifiers = new char[4];
    private int identifierCount;

    PsqlScanner(String text, Variables vars) {
        this.src = new StringBuilder(text);
        this.vars = vars;
    }

    /** In an inactive {@code \if} branch nothing is interpolated (the runner discards the statements). */
    void active(boolean value) {
        active = value;
    }

    int line() {
        return line;
    }

    /** The statement text collected so far (for {@code \g}, {@code \gset}), then an empty buffer. */
    String takeBuffer() {
        String s = buf.toString();
        resetBuffer();
        return s;
    }

    boolean bufferEmpty() {
        return buf.length() == 0;
    }

    private void resetBuffer() {
        buf.setLength(0);
        parenDepth = 0;
        beginDepth = 0;
        identifierCount = 0;
    }

    Item next() {
        int n;
        while (pos < (n = src.length())) {
            char c = src.charAt(pos);
            if (buf.length() == 0 && (Character.isWhitespace(c) || startsWith("--"))) {
                if (c == '-') {
                    skipTo(lineEnd());
                } else {
                    advance(1);
                }
                continue;
            }
            switch (c) {
                case '\'' -> quoted(pos, false);
                case '"' -> delimited('"');
                case '$' -> dollar();
                case '-' -> {
                    if (startsWith("--")) {
                        copyTo(lineEnd());
                    } else {
                        copyTo(pos + 1);
                    }
                }
                case '/' -> {
                    if (startsWith("/*")) {
                        blockComment();
                    } else {
                        copyTo(pos + 1);
                    }
                }
                case '(' -> {
                    parenDepth++;
                    copyTo(pos + 1);
                }
                case ')' -> {
                    if (parenDepth > 0) {
                        parenDepth--;
                    }
                    copyTo(pos + 1);
                }
                case ';' -> {
                    copyTo(pos + 1);
                    if (parenDepth == 0 && beginDepth == 0) {
                        int at = line;
                        String sql = takeBuffer();
                        return new Statement(sql, at);
                    }
                }
                case ':' -> colon();
                case '\\' -> {
                    return meta();
                }
                default -> {
                    if (isIdentStart(c)) {
                        identifier();
                    } else {
                        copyTo(pos + 1);
                    }
                }
            }
        }
        return new End(takeBuffer(), line);
    }

    /** Lines after the current one up to a line {@code \.} (consumed) or the end: COPY FROM STDIN data. */
    String copyData() {
        int start = lineEnd();
        if (start < src.length()) {
            start++;
        }
        skipTo(start);
        StringBuilder data = new StringBuilder();
        while (pos < src.length()) {
            int end = lineEnd();
            String l = src.substring(pos, end);
            skipTo(Math.min(end + 1, src.length()));
            if (l.equals("\\.") || l.equals("\\.\r")) {
                break;
            }
            data.append(l).append('\n');
        }
        return data.toString();
    }

    private Meta meta() {
        int at = line;
        int start = pos + 1;
        int i = start;
        if (i < src.length() && isVarChar(src.charAt(i))) {
            while (i < src.length() && isVarChar(src.charAt(i))) {
                i++;
            }
        } else if (i < src.length() && !Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        String name = src.substring(start, i);
        int end = lineEnd();
        int sep = src.indexOf("\\\\", i);
        int argsEnd = sep >= 0 && sep < end ? sep : end;
        String args = src.substring(i, argsEnd);
        skipTo(argsEnd == sep ? sep + 2 : end);
        return new Meta(name, args, at);
    }

    private void colon() {
        if (startsWith("::")) {
            copyTo(pos + 2);
            return;
        }
        int i = pos + 1;
        char q = i < src.length() ? src.charAt(i) : 0;
        if (active && (q == '\'' || q == '"')) {
            int j = i + 1;
            while (j < src.length() && isVarChar(src.charAt(j))) {
                j++;
            }
            if (j > i + 1 && j < src.length() && src.charAt(j) == q) {
                String value = vars.get(src.substring(i + 1, j));
                if (value != null) {
                    buf.append(q == '\'' ? PsqlQuoting.literal(value) : PsqlQuoting.identifier(value));
                    skipTo(j + 1);
                    return;
                }
                copyTo(j + 1);
                return;
            }
        }
        if (active && q == '{' && i + 1 < src.length() && src.charAt(i + 1) == '?') {
            int j = i + 2;
            while (j < src.length() && isVarChar(src.charAt(j))) {
                j++;
            }
            if (j > i + 2 && j < src.length() && src.charAt(j) == '}') {
                buf.append(vars.get(src.substring(i + 2, j)) != null ? "TRUE" : "FALSE");
                skipTo(j + 1);
                return;
            }
        }
        int j = i;
        while (j < src.length() && isVarChar(src.charAt(j))) {
            j++;
        }
        String name = src.substring(i, j);
        String value = active && j > i && !expanding(name) ? vars.get(name) : null;
        if (value == null) {
            copyTo(j);
            return;
        }
        int delta = value.length() - (j - pos);
        for (Splice s : splices) {
            if (s.end()[0] > pos) {
                s.end()[0] += delta;
            }
        }
        src.replace(pos, j, value);
        splices.add(new Splice(name, new int[] {pos + value.length()}));
    }

    private boolean expanding(String name) {
        splices.removeIf(s -> s.end()[0] <= pos);
        return splices.stream().anyMatch(s -> s.name().equals(name));
    }

    private void identifier() {
        int i = pos + 1;
        while (i < src.length() && (isIdentStart(src.charAt(i)) || Character.isDigit(src.charAt(i))
                || src.charAt(i) == '$')) {
            i++;
        }
        String word = src.substring(pos, i).toLowerCase(Locale.ROOT);
        if ((word.equals("e") || word.equals("x") || word.equals("b") || word.equals("n"))
                && i < src.length() && src.charAt(i) == '\'') {
            quoted(i, word.equals("e"));
            return;
        }
        if (identifierCount == 0) {
            java.util.Arrays.fill(identifiers, '\0');
        }
        if (identifierCount < identifiers.length && List.of("create", "function", "procedure", "or", "replace")
                .contains(word)) {
            identifiers[identifierCount] = word.charAt(0);
        }
        identifierCount++;
        boolean routine = identifiers[0] == 'c' && (identifiers[1] == 'f' || identifiers[1] == 'p'
                || identifiers[1] == 'o' && identifiers[2] == 'r' && (identifiers[3] == 'f' || identifiers[3] == 'p'));
        if (routine && parenDepth == 0) {
            if (word.equals("begin")) {
                beginDepth++;
            } else if (word.equals("case") && beginDepth >= 1) {
                beginDepth++;
            } else if (word.equals("end") && beginDepth > 0) {
                beginDepth--;
            }
        }
        copyTo(i);
    }

    /** A '...' string from quoteAt; backslash escapes count only in E'' strings. */
    private void quoted(int quoteAt, boolean escapes) {
        int i = quoteAt + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < src.length() && src.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                i++;
            }
        }
        copyTo(Math.min(i, src.length()));
    }

    private void delimited(char q) {
        int i = pos + 1;
        while (i < src.length()) {
            if (src.charAt(i) == q) {
                if (i + 1 < src.length() && src.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            i++;
        }
        copyTo(Math.min(i, src.length()));
    }

    private void dollar() {
        int i = pos + 1;
        if (i < src.length() && isIdentStart(src.charAt(i))) {
            while (i < src.length() && (isIdentStart(src.charAt(i)) || Character.isDigit(src.charAt(i)))) {
                i++;
            }
        }
        if (i < src.length() && src.charAt(i) == '$') {
            String tag = src.substring(pos, i + 1);
            int close = src.indexOf(tag, i + 1);
            copyTo(close < 0 ? src.length() : close + tag.length());
        } else {
            copyTo(pos + 1);
        }
    }

    private void blockComment() {
        int depth = 0;
        int i = pos;
        while (i < src.length()) {
            if (at(i, "/*")) {
                depth++;
                i += 2;
            } else if (at(i, "*/")) {
                depth--;
                i += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                i++;
            }
        }
        copyTo(Math.min(i, src.length()));
    }

    private boolean startsWith(String s) {
        return at(pos, s);
    }

    private boolean at(int i, String s) {
        return i + s.length() <= src.length() && src.substring(i, i + s.length()).equals(s);
    }

    private int lineEnd() {
        int nl = src.indexOf("\n", pos);
        return nl < 0 ? src.length() : nl;
    }

    private void copyTo(int end) {
        buf.append(src, pos, end);
        skipTo(end);
    }

    private void advance(int count) {
        skipTo(pos + count);
    }

    private void skipTo(int end) {
        for (int i = pos; i < end; i++) {
            if (src.charAt(i) == '\n' && !spliced(i)) {
                line++;
            }
        }
        pos = end;
    }

    private boolean spliced(int i) {
        for (Splice s : splices) {
            if (i < s.end()[0]) {
                return true;
            }
        }
        return false;
    }

    static boolean isVarChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
    }

    private static boolean isIdentStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c >= 0x80;
    }
}
