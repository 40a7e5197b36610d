package io.sqlitch.engine.pg;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a meta-command as psql's slash-command lexer reads them in its normal mode: separated by
 * whitespace; {@code 'single quotes'} removed, with {@code ''} and C-style backslash escapes; {@code "double
 * quotes"} kept; {@code :v}, {@code :'v'}, {@code :"v"} and {@code :{?v}} interpolated outside quotes (an unset
 * variable stays as written). Backticks are psql's shell evaluation, which this runner never does: {@link #hasBacktick(String)}
 * finds them so the script is refused before it starts.
 */
final class PsqlMetaArgs {

    private PsqlMetaArgs() {
    }

    static List<String> parse(String raw, PsqlScanner.Variables vars) {
        List<String> args = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (true) {
            while (i < n && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return args;
            }
            StringBuilder arg = new StringBuilder();
            while (i < n && !Character.isWhitespace(raw.charAt(i))) {
                char c = raw.charAt(i);
                if (c == '\'') {
                    i = single(raw, i + 1, arg);
                } else if (c == '"') {
                    int close = raw.indexOf('"', i + 1);
                    int end = close < 0 ? n : close + 1;
                    arg.append(raw, i, end);
                    i = end;
                } else if (c == ':' && vars != null) {
                    i = variable(raw, i, arg, vars);
                } else {
                    arg.append(c);
                    i++;
                }
            }
            args.add(arg.toString());
        }
    }

    /** Whether the argument text has a backtick outside single quotes. */
    static boolean hasBacktick(String raw) {
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' ) {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == '`' && !quoted) {
                return true;
            }
        }
        return false;
    }

    private static int single(String raw, int i, StringBuilder arg) {
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && raw.charAt(i + 1) == '\'') {
                    arg.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                char e = raw.charAt(++i);
                switch (e) {
                    case 'n' -> arg.append('\n');
                    case 't' -> arg.append('\t');
                    case 'b' -> arg.append('\b');
                    case 'r' -> arg.append('\r');
                    case 'f' -> arg.append('\f');
                    case 'x' -> {
                        int j = i + 1;
                        while (j < n && j < i + 3 && Character.digit(raw.charAt(j), 16) >= 0) {
                            j++;
                        }
                        arg.append(j > i + 1 ? (char) Integer.parseInt(raw.substring(i + 1, j), 16) : 'x');
                        i = j - 1;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int j = i;
                            while (j < n && j < i + 3 && raw.charAt(j) >= '0' && raw.charAt(j) <= '7') {
                                j++;
                            }
                            arg.append((char) Integer.parseInt(raw.substring(i, j), 8));
                            i = j - 1;
                        } else {
                            arg.append(e);
                        }
                    }
                }
                i++;
                continue;
            }
            arg.append(c);
            i++;
        }
        return n;
    }

    private static int variable(String raw, int i, StringBuilder arg, PsqlScanner.Variables vars) {
        int n = raw.length();
        char q = i + 1 < n ? raw.charAt(i + 1) : 0;
        if (q == '{' && i + 2 < n && raw.charAt(i + 2) == '?') { // :{?name}, psql's "is it set" test
            int k = i + 3;
            while (k < n && PsqlScanner.isVarChar(raw.charAt(k))) {
                k++;
            }
            if (k > i + 3 && k < n && raw.charAt(k) == '}') {
                arg.append(vars.get(raw.substring(i + 3, k)) != null ? "TRUE" : "FALSE");
                return k + 1;
            }
        }
        int start = q == '\'' || q == '"' ? i + 2 : i + 1;
        int j = start;
        while (j < n && PsqlScanner.isVarChar(raw.charAt(j))) {
            j++;
        }
        boolean quotedForm = q == '\'' || q == '"';
        if (j == start || quotedForm && (j >= n || raw.charAt(j) != q)) {
            arg.append(':');
            return i + 1;
        }
        String value = vars.get(raw.substring(start, j));
        int end = quotedForm ? j + 1 : j;
        if (value == null) {
            arg.append(raw, i, end);
        } else if (q == '\'') {
            arg.append(PsqlQuoting.literal(value));
        } else if (q == '"') {
            arg.append(PsqlQuoting.identifier(value));
        } else {
            arg.append(value);
        }
        return end;
    }
}
