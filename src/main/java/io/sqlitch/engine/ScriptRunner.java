package io.sqlitch.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs SQL scripts on a JDBC connection the way {@code sqlite3 -noheader -bail -batch -csv DB ".read 'FILE'"}
 * does: same statement boundaries, same CSV output of rows, same stop at the first error, same stderr text.
 *
 * <p>The connection must be a sqlite-jdbc connection in autocommit mode, so that a script's own
 * BEGIN/COMMIT/ROLLBACK run as written. Every statement goes through {@code prepareStatement}, never
 * {@code Statement.execute(String)}, whose "backup"/"restore" prefixes the driver would hijack.
 *
 * <p>One {@code run} call is one client process: dot-command settings ({@code .headers}, {@code .echo}, ...)
 * last for that call, and a transaction the script leaves open is rolled back at its end, as closing the client
 * would. Use a connection of its own for the target database (Sqitch's registry is another connection).
 * Not thread-safe.
 */
public final class ScriptRunner {

    /** The shell's MAX_INPUT_NESTING. */
    private static final int MAX_NESTING = 25;

    private final Connection connection;
    private final Path directory;
    private final Map<String, String> variables;
    private final Consumer<String> stdout;

    // Settings of the current run (the client process's state).
    private boolean bail;
    private boolean echo;
    private boolean showHeader;
    private String rowSeparator;
    private String nullValue;
    private int nesting;
    /** Whether any script was run (the client would have opened, and so created, the database file). */
    private boolean used;
    private final StringBuilder pending = new StringBuilder();
    private final List<String> errors = new ArrayList<>();

    /**
     * @param connection a sqlite-jdbc connection in autocommit mode
     * @param directory  the working directory: relative script paths (also in nested {@code .read}) resolve
     *                   against it, as the client's would against its current directory
     * @param variables  {@code ${name}} values (defined names only are replaced)
     * @param stdout     receives the client's stdout, one line per call without its newline
     */
    public ScriptRunner(Connection connection, Path directory, Map<String, String> variables,
            Consumer<String> stdout) {
        this.connection = connection;
        this.directory = directory;
        this.variables = Map.copyOf(variables);
        this.stdout = stdout;
    }

    /** Whether this runner has run any script. */
    public boolean hasRun() {
        return used;
    }

    /** Runs a file as {@code .read 'path'} would; {@code path} is shown as given in messages. */
    public ScriptResult run(String path) {
        reset();
        Optional<SqlScript> script = load(path);
        if (script.isPresent() && refusedUpFront(script.get())) {
            return finish(false);
        }
        boolean ok = read(path);
        endOfProcess();
        return finish(ok);
    }

    /**
     * Reads and parses a script as this runner would (path against the working directory, variables
     * substituted), for {@link SqlScript#transactionShape()} and {@link #runBody(SqlScript)}; empty when the
     * client could not open it (then {@link #run(String)} reports {@code Error: cannot open "path"}).
     */
    public Optional<SqlScript> load(String path) {
        Path file = directory.resolve(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SqlScript.read(file, path, variables));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs an already parsed script. */
    public ScriptResult run(SqlScript script) {
        reset();
        if (refusedUpFront(script)) {
            return finish(false);
        }
        boolean ok = process(script, Set.of());
        endOfProcess();
        return finish(ok);
    }

    /**
     * Runs the body of a {@link TransactionShape#NONE} or {@link TransactionShape#WRAPPED} script inside a
     * transaction the caller owns: the script's own BEGIN and COMMIT are skipped, everything else runs as in
     * {@link #run(SqlScript)}. The caller begins before and commits or rolls back after.
     *
     * @throws IllegalArgumentException for a script of shape {@link TransactionShape#OTHER}
     */
    public ScriptResult runBody(SqlScript script) {
        TransactionShape shape = script.transactionShape();
        Set<String> skip = new HashSet<>();
        if (shape == TransactionShape.OTHER) {
            throw new IllegalArgumentException("script " + script.name() + " manages its own transactions");
        }
        if (shape == TransactionShape.WRAPPED) {
            for (TransactionShape.Position p : TransactionShape.wrapper(script)) {
                skip.add(p.unit() + ":" + p.piece());
            }
        }
        reset();
        if (refusedUpFront(script)) {
            return finish(false);
        }
        boolean ok = process(script, skip);
        return finish(ok);
    }

    /**
     * Whether {@link #runInside(SqlScript)} can run this script inside the caller's transaction: a script of shape
     * NONE or WRAPPED, or the usual verify form {@code BEGIN; ...; ROLLBACK;}.
     */
    public static boolean canRunInside(SqlScript script) {
        return script.transactionShape() != TransactionShape.OTHER
                || !TransactionShape.rolledBackWrapper(script).isEmpty();
    }

    /** Whether the script ends by rolling back its own work ({@code BEGIN; ...; ROLLBACK;}). */
    public static boolean discardsItsWork(SqlScript script) {
        return script.transactionShape() == TransactionShape.OTHER
                && !TransactionShape.rolledBackWrapper(script).isEmpty();
    }

    /**
     * Like {@link #runBody(SqlScript)}, and also accepts a {@code BEGIN; ...; ROLLBACK;} script, whose BEGIN and
     * ROLLBACK are skipped: the caller runs it inside a savepoint and rolls that back (see
     * {@link #discardsItsWork(SqlScript)}).
     */
    public ScriptResult runInside(SqlScript script) {
        if (script.transactionShape() != TransactionShape.OTHER) {
            return runBody(script);
        }
        List<TransactionShape.Position> wrapper = TransactionShape.rolledBackWrapper(script);
        if (wrapper.isEmpty()) {
            throw new IllegalArgumentException("script " + script.name() + " manages its own transactions");
        }
        Set<String> skip = new HashSet<>();
        for (TransactionShape.Position p : wrapper) {
            skip.add(p.unit() + ":" + p.piece());
        }
        reset();
        if (refusedUpFront(script)) {
            return finish(false);
        }
        boolean ok = process(script, skip);
        return finish(ok);
    }

    /**
     * The client exits after the script and closing its connection rolls back a transaction the script left
     * open (after a failure past its BEGIN, or a script without COMMIT): do the same on our connection.
     */
    private void endOfProcess() {
        try (PreparedStatement rollback = connection.prepareStatement("ROLLBACK")) {
            rollback.execute();
        } catch (SQLException noTransactionIsActive) {
            // the usual case: nothing was left open
        }
    }

    private void reset() {
        used = true;
        bail = true;
        echo = false;
        showHeader = false;
        rowSeparator = "\n";
        nullValue = "";
        nesting = 0;
        pending.setLength(0);
        errors.clear();
    }

    private ScriptResult finish(boolean ok) {
        if (!pending.isEmpty()) {
            stdout.accept(pending.toString());
            pending.setLength(0);
        }
        return new ScriptResult(ok, errors);
    }

    private void print(String text) {
        pending.append(text);
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            stdout.accept(pending.substring(0, nl));
            pending.delete(0, nl + 1);
        }
    }

    private void error(String text) {
        errors.addAll(List.of(text.split("\n", -1)));
    }

    /** {@code .read FILE}: false when the file cannot be opened or its input had an error. */
    private boolean read(String path) {
        Optional<SqlScript> script = load(path);
        if (script.isEmpty()) {
            error("Error: cannot open \"" + path + "\"");
            return false;
        }
        return process(script.get(), Set.of());
    }

    /** The shell's process_input(): true when no error was counted. */
    private boolean process(SqlScript script, Set<String> skip) {
        if (nesting == MAX_NESTING) {
            error("Input nesting limit (" + MAX_NESTING + ") reached at line 0. Check recursion.");
            return false;
        }
        nesting++;
        try {
            int errorCount = 0;
            List<SqlScript.Unit> units = script.units();
            for (int u = 0; u < units.size() && (errorCount == 0 || !bail); u++) {
                SqlScript.Unit unit = units.get(u);
                if (unit instanceof SqlScript.SkippedUnit skipped) {
                    echo(skipped.text());
                } else if (unit instanceof SqlScript.CommandUnit command) {
                    echo(command.text());
                    Boolean outcome = command(script, command);
                    if (outcome == null) {
                        break; // .quit / .exit: the end of this input
                    }
                    if (!outcome) {
                        errorCount++;
                    }
                } else if (unit instanceof SqlScript.SqlUnit sql) {
                    echo(sql.sql());
                    if (!runSql(sql, u, skip)) {
                        errorCount++;
                    }
                }
            }
            return errorCount == 0;
        } finally {
            nesting--;
        }
    }

    private void echo(String text) {
        if (echo) {
            print(text + "\n");
        }
    }

    /** The shell's runOneSqlLine() + shell_exec(): false after printing an error. */
    private boolean runSql(SqlScript.SqlUnit unit, int unitIndex, Set<String> skip) {
        String sql = unit.sql();
        List<int[]> pieces = SqlLexer.statements(sql);
        for (int p = 0; p < pieces.size(); p++) {
            if (skip.contains(unitIndex + ":" + p)) {
                continue;
            }
            int[] r = pieces.get(p);
            String statement = sql.substring(r[0], r[1]);
            if (RawText.hasEscapes(statement)) {
                // Not valid UTF-8: its exact bytes go to SQLite, as the client sends them.
                try {
                    RawStatement.execute(connection, RawText.encode(statement));
                } catch (SQLException e) {
                    error("Runtime error near line " + unit.line() + ": " + errorMessage(e) + codeSuffix(e));
                    advise(e);
                    return false;
                }
                continue;
            }
            PreparedStatement ps;
            try {
                ps = connection.prepareStatement(statement);
            } catch (SQLException e) {
                String message = errorMessage(e);
                StringBuilder text = new StringBuilder("Parse error near line ").append(unit.line()).append(": ")
                        .append(message).append(codeSuffix(e));
                int offset = ErrorLocator.offset(connection, statement, message);
                if (offset >= 0) {
                    text.append(errorContext(sql.substring(r[0]), offset));
                }
                error(text.toString());
                advise(e);
                return false;
            }
            try (ps) {
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        if (SqlLexer.words(statement, 3).equals(List.of("EXPLAIN", "QUERY", "PLAN"))) {
                            printQueryPlan(rs);
                        } else {
                            printRows(rs);
                        }
                    }
                }
            } catch (SQLException e) {
                error("Runtime error near line " + unit.line() + ": " + errorMessage(e) + codeSuffix(e));
                advise(e);
                return false;
            }
        }
        return true;
    }

    /**
     * After the client's own error line, for a failure of the file rather than of the SQL (disk full, locked,
     * read-only, damaged): a line naming the database file and what to do.
     */
    private void advise(SQLException e) {
        io.sqlitch.registry.SqliteFailure.advice(e, mainFile()).ifPresent(this::error);
    }

    private String mainFile() {
        try (PreparedStatement st = connection.prepareStatement("PRAGMA main.database_list");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getString(3) != null && !rs.getString(3).isEmpty() ? rs.getString(3)
                    : "the database";
        } catch (SQLException e) {
            return "the database";
        }
    }

    private void printRows(ResultSet rs) throws SQLException {
        if (rs == null) {
            return;
        }
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        boolean first = true;
        while (rs.next()) {
            StringBuilder line = new StringBuilder();
            if (first && showHeader) {
                for (int i = 1; i <= columns; i++) {
                    csv(line, meta.getColumnName(i), i < columns);
                }
                line.append(rowSeparator);
            }
            first = false;
            for (int i = 1; i <= columns; i++) {
                csv(line, rs.getString(i), i < columns);
            }
            line.append(rowSeparator);
            print(line.toString());
        }
    }

    /** The shell's automatic EXPLAIN QUERY PLAN mode: a tree under "QUERY PLAN", whatever the output mode. */
    private void printQueryPlan(ResultSet rs) throws SQLException {
        List<int[]> ids = new ArrayList<>();
        List<String> details = new ArrayList<>();
        while (rs != null && rs.next()) {
            ids.add(new int[] {rs.getInt(1), rs.getInt(2)});
            details.add(rs.getString(4));
        }
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("QUERY PLAN\n");
        planLevel(ids, details, 0, "", text);
        print(text.toString());
    }

    private static void planLevel(List<int[]> ids, List<String> details, int parent, String prefix,
            StringBuilder text) {
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i)[1] == parent) {
                children.add(i);
            }
        }
        for (int k = 0; k < children.size(); k++) {
            boolean more = k + 1 < children.size();
            int row = children.get(k);
            text.append(prefix).append(more ? "|--" : "`--").append(details.get(row)).append('\n');
            planLevel(ids, details, ids.get(row)[0], prefix + (more ? "|  " : "   "), text);
        }
    }

    /** The shell's output_csv(): quote when empty, or on control chars, space, quotes, DEL, non-ASCII, comma. */
    private void csv(StringBuilder out, String value, boolean separator) {
        if (value == null) {
            out.append(nullValue);
        } else {
            int nul = value.indexOf('\0');
            if (nul >= 0) {
                value = value.substring(0, nul); // the shell prints C strings
            }
            boolean quote = value.isEmpty() || value.contains(",");
            for (int i = 0; i < value.length() && !quote; i++) {
                char c = value.charAt(i);
                quote = c <= ' ' || c == '"' || c == '\'' || c >= 0x7f;
            }
            out.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        if (separator) {
            out.append(',');
        }
    }

    private static final Pattern DRIVER_MESSAGE = Pattern.compile("(?s)^\\[[A-Z_0-9]+\\][^(]*\\((.*)\\)$");

    /** SQLite's own error message, without the driver's "[SQLITE_...] description (...)" wrapping. */
    static String errorMessage(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SQLiteException sqlite) {
            String prefix = sqlite.getResultCode().toString() + " (";
            if (message.startsWith(prefix) && message.endsWith(")")) {
                return message.substring(prefix.length(), message.length() - 1);
            }
        }
        Matcher m = DRIVER_MESSAGE.matcher(message);
        return m.matches() ? m.group(1) : message;
    }

    /** The shell appends " (rc)" for primary result codes above SQLITE_ERROR. */
    private static String codeSuffix(SQLException e) {
        int code = e instanceof SQLiteException s && s.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR
                ? s.getResultCode().code : e.getErrorCode();
        code &= 0xff;
        return code > 1 ? " (" + code + ")" : "";
    }

    /** The shell's shell_error_context(): the statement (from its start) and a marker under the error. */
    static String errorContext(String rest, int offset) {
        byte[] b = rest.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int iOffset = offset;
        while (iOffset > 50 && start < b.length) {
            iOffset--;
            start++;
            while (start < b.length && (b[start] & 0xc0) == 0x80) {
                start++;
                iOffset--;
            }
        }
        int len = b.length - start;
        if (len > 78) {
            len = 78;
            while (start + len < b.length && (b[start + len] & 0xc0) == 0x80) {
                len--;
            }
        }
        byte[] code = new byte[len];
        for (int i = 0; i < len; i++) {
            byte c = b[start + i];
            code[i] = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' ? (byte) ' ' : c;
        }
        String codeText = new String(code, StandardCharsets.UTF_8);
        iOffset = Math.max(iOffset, 0);
        if (iOffset < 25) {
            return "\n  " + codeText + "\n  " + " ".repeat(iOffset) + "^--- error here";
        }
        return "\n  " + codeText + "\n  " + " ".repeat(iOffset - 14) + "error here ---^";
    }

    /** A dot-command: true on success, false on error, null for ".quit"/".exit" (stop this input). */
    private Boolean command(SqlScript script, SqlScript.CommandUnit unit) {
        List<String> args = DotCommand.arguments(unit.text());
        String name = args.isEmpty() ? "" : args.get(0);
        int nArg = args.size();
        switch (DotCommand.canonical(name)) {
            case "read" -> {
                if (nArg != 2) {
                    error("Usage: .read FILE");
                    return false;
                }
                if (args.get(1).startsWith("|")) {
                    return unsupported(script, unit, name);
                }
                return read(args.get(1));
            }
            case "print" -> {
                print(String.join(" ", args.subList(1, nArg)) + "\n");
                return true;
            }
            case "headers" -> {
                return setting(args, "Usage: .headers on|off", v -> showHeader = v);
            }
            case "bail" -> {
                return setting(args, "Usage: .bail on|off", v -> bail = v);
            }
            case "echo" -> {
                return setting(args, "Usage: .echo on|off", v -> echo = v);
            }
            case "nullvalue" -> {
                if (nArg != 2) {
                    error("Usage: .nullvalue STRING");
                    return false;
                }
                nullValue = args.get(1);
                return true;
            }
            case "mode" -> {
                if (nArg == 2 && args.get(1).equals("csv")) {
                    rowSeparator = "\r\n"; // ".mode csv" switches to CRLF rows, unlike the -csv option
                    return true;
                }
                return unsupported(script, unit, name);
            }
            case "quit", "exit" -> {
                return nArg == 1 ? null : unsupported(script, unit, name);
            }
            default -> {
                return unsupported(script, unit, name);
            }
        }
    }

    private boolean setting(List<String> args, String usage, Consumer<Boolean> set) {
        if (args.size() != 2) {
            error(usage);
            return false;
        }
        Boolean value = DotCommand.booleanValue(args.get(1));
        if (value == null) {
            error("ERROR: Not a boolean value: \"" + args.get(1) + "\". Assuming \"no\".");
            value = false;
        }
        set.accept(value);
        return true;
    }

    /**
     * Refuses, before its first statement runs, a script (or a script it reads) using a dot-command this runner
     * does not implement: the sqlite3 client would have run the statements before it, leaving them applied but
     * unrecorded. Reports the first such command as {@link #unsupported} does when reached.
     */
    private boolean refusedUpFront(SqlScript script) {
        Optional<String> refusal = DotCommandCheck.firstUnsupported(script, this::load, MAX_NESTING);
        refusal.ifPresent(this::error);
        return refusal.isPresent();
    }

    private boolean unsupported(SqlScript script, SqlScript.CommandUnit unit, String name) {
        error("Error: " + script.name() + " line " + unit.line() + ": unsupported sqlite3 command \"." + name
                + "\"");
        return false;
    }
}
