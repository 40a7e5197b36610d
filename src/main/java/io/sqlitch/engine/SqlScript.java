package io.sqlitch.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script cut into the units the sqlite3 shell ({@code .read}) processes one after another: SQL buffers
 * (lines accumulated until the last one ends in a semicolon and {@code sqlite3_complete()} agrees), dot-command
 * lines, and swallowed whitespace/comment lines (which only matter for {@code .echo on}).
 *
 * @param name  the file name as given (used in messages)
 * @param units the units in file order
 */
public record SqlScript(String name, List<Unit> units) implements LoadedScript {

    /** What the shell does with one piece of input. */
    public sealed interface Unit permits SqlUnit, CommandUnit, SkippedUnit {
        /** The 1-based line the unit starts on (the shell's "near line N"). */
        int line();
    }

    /** Accumulated SQL (one or several statements), with the shell's leading-whitespace trim. */
    public record SqlUnit(String sql, int line) implements Unit {
    }

    /** A line starting with {@code .} at a statement boundary. */
    public record CommandUnit(String text, int line) implements Unit {
    }

    /** Input the shell swallows (blank lines, lone comments); echoed under {@code .echo on}. */
    public record SkippedUnit(String text, int line) implements Unit {
    }

    public SqlScript {
        units = List.copyOf(units);
    }

    /** Reads and parses a file; variables ({@code ${name}} with a defined name) are substituted first. */
    public static SqlScript read(Path file, String name, Map<String, String> variables) throws IOException {
        return parse(name, decode(Files.readAllBytes(file)), variables);
    }

    /** Decodes a script's bytes losslessly: invalid UTF-8 bytes are kept as escapes (see {@link RawText}). */
    static String decode(byte[] bytes) {
        return RawText.decode(bytes);
    }

    /**
     * SHA-1 of the file's raw bytes in lower-case hex (Sqitch's script_hash), or null when the file does not
     * exist.
     */
    public static String sha1Hex(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.exists(file) || Files.isDirectory(file)) {
                // As missing: the client then fails with its own "Error: cannot open" naming the script.
                return null;
            }
            throw new io.sqlitch.SqitchException("Cannot read " + file + ": "
                    + (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage()) + "; check its permissions", e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /** Replaces {@code ${name}} for defined names only; everything else stays as written. */
    public static String substitute(String text, Map<String, String> variables) {
        if (variables.isEmpty() || !text.contains("${")) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Cuts text into units exactly as the sqlite3 shell's input loop does. */
    public static SqlScript parse(String name, String text, Map<String, String> variables) {
        text = substitute(text, variables);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the shell skips a UTF-8 BOM at the start of its input
        }
        List<Unit> units = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        int startLine = 0;
        Scan scan = new Scan();
        int lineNo = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            pos = nl < 0 ? text.length() : nl + 1;
            if (nl >= 0 && line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int nul = line.indexOf('\0');
            if (nul >= 0) {
                line = line.substring(0, nul); // fgets + strlen: a line ends at its first NUL
            }
            lineNo++;
            if (scan.inPlain() && isCommandTerminator(line) && SqlLexer.complete(sql + ";")) {
                line = ";"; // the shell's "GO" / "/" terminator lines
            }
            scan.scan(line);
            if (scan.plainWhite() && sql.isEmpty()) {
                units.add(new SkippedUnit(line, lineNo));
                scan = new Scan();
                continue;
            }
            if ((line.startsWith(".") || line.startsWith("#")) && sql.isEmpty()) {
                if (line.startsWith(".")) {
                    units.add(new CommandUnit(line, lineNo));
                }
                scan = new Scan();
                continue;
            }
            if (sql.isEmpty()) {
                int i = 0;
                while (i < line.length() && SqlLexer.isSpace(line.charAt(i))) {
                    i++;
                }
                sql.append(line, i, line.length());
                startLine = lineNo;
            } else {
                sql.append('\n').append(line);
            }
            if (!sql.isEmpty() && scan.semiTerminated() && SqlLexer.complete(sql.toString())) {
                units.add(new SqlUnit(sql.toString(), startLine));
                sql.setLength(0);
                scan = new Scan();
            } else if (!sql.isEmpty() && scan.plainWhite()) {
                units.add(new SkippedUnit(sql.toString(), startLine));
                sql.setLength(0);
                scan = new Scan();
            }
        }
        if (!sql.isEmpty()) {
            units.add(new SqlUnit(sql.toString(), startLine)); // incomplete: the parser reports it
        }
        return new SqlScript(name, units);
    }

    private static boolean isCommandTerminator(String line) {
        int i = 0;
        while (i < line.length() && SqlLexer.isSpace(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '/') {
            i++;
        } else if (i + 1 < line.length() && Character.toLowerCase(line.charAt(i)) == 'g'
                && Character.toLowerCase(line.charAt(i + 1)) == 'o') {
            i += 2;
        } else {
            return false;
        }
        Scan rest = new Scan();
        rest.scan(line.substring(i));
        return rest.wait == 0 && !rest.dark && !rest.semi;
    }

    /** The shell's quickscan(): quote/comment state carried across lines, and how the line ends. */
    private static final class Scan {
        char wait; // 0 plain, '*' block comment, or the closing quote character
        boolean dark;
        boolean semi;

        boolean inPlain() {
            return wait == 0;
        }

        boolean plainWhite() {
            return wait == 0 && !dark;
        }

        boolean semiTerminated() {
            return wait == 0 && semi;
        }

        void scan(String line) {
            int i = 0;
            int n = line.length();
            while (i < n) {
                if (wait == 0) {
                    char c = line.charAt(i++);
                    if (SqlLexer.isSpace(c)) {
                        continue;
                    }
                    switch (c) {
                        case '-':
                            if (i < n && line.charAt(i) == '-') {
                                return;
                            }
                            break;
                        case ';':
                            semi = true;
                            continue;
                        case '/':
                            if (i < n && line.charAt(i) == '*') {
                                i++;
                                wait = '*';
                                continue;
                            }
                            break;
                        case '[':
                            wait = ']';
                            dark = true;
                            semi = false;
                            continue;
                        case '`', '\'', '"':
                            wait = c;
                            dark = true;
                            semi = false;
                            continue;
                        default:
                            break;
                    }
                    semi = false;
                    dark = true;
                } else {
                    char c = line.charAt(i++);
                    if (c != wait) {
                        continue;
                    }
                    if (wait == '*') {
                        if (i < n && line.charAt(i) == '/') {
                            i++;
                            wait = 0;
                        }
                    } else if (wait != ']' && i < n && line.charAt(i) == wait) {
                        i++; // a doubled closing quote stays inside the literal
                    } else {
                        wait = 0;
                    }
                }
            }
        }
    }

    /** How the script handles transactions: decides whether the caller may run it inside its own transaction. */
    @Override
    public TransactionShape transactionShape() {
        return TransactionShape.of(this);
    }
}
