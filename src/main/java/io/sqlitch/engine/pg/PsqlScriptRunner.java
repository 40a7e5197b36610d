package io.sqlitch.engine.pg;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a script on one connection as {@code psql --quiet --no-psqlrc --no-align --tuples-only --set
 * ON_ERROR_STOP=1 --file <script>} runs it: each statement sent on its own in autocommit (so the script's own
 * BEGIN/COMMIT decide, and {@code CREATE INDEX CONCURRENTLY} works), rows printed unaligned without headers,
 * notices and errors as psql prints them, {@code COPY ... FROM stdin} data streamed through pgjdbc's CopyManager,
 * and the meta-commands of {@link PsqlMetaCommands#SUPPORTED}. Scripts are checked first by
 * {@link PsqlScriptCheck}; the connection is the script's own session, which the caller closes afterwards (an
 * open transaction is then rolled back, as when psql exits).
 */
public final class PsqlScriptRunner {

    /** psql's exit values. */
    public static final int OK = 0;
    public static final int FATAL = 1;
    public static final int SCRIPT_ERROR = 3;

    static final Pattern COPY_FROM_STDIN = Pattern.compile(
            "(?is)^\\s*COPY\\b.*\\bFROM\\s+STDIN\\b.*");
    private static final Pattern COPY_TO_STDOUT = Pattern.compile("(?is)^\\s*COPY\\b.*\\bTO\\s+STDOUT\\b.*");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_\\x80-\\x{10FFFF}]+");

    private final Connection connection;
    private final PsqlVariables variables;
    private final Path workingDirectory;
    private final PsqlSink sink;
    private String lastQuery = "";
    /** The one-transaction path: the script's own BEGIN and COMMIT (or ROLLBACK) are not sent. */
    private boolean bodyOnly;

    /** Stops the whole run: {@code \q}, or an error under ON_ERROR_STOP. */
    private static final class Stop extends Exception {
        final int exitValue;

        Stop(int exitValue) {
            super(null, null, false, false);
            this.exitValue = exitValue;
        }
    }

    public PsqlScriptRunner(Connection connection, PsqlVariables variables, Path workingDirectory, PsqlSink sink) {
        this.connection = connection;
        this.variables = variables;
        this.workingDirectory = workingDirectory;
        this.sink = sink;
    }

    /**
     * Runs only the body of a script whose wrapper {@link PsqlTransactionShape} found (inside the caller's
     * transaction); the skipped statements count as successful ones for psql's variables.
     */
    public PsqlScriptRunner bodyOnly() {
        bodyOnly = true;
        return this;
    }

    /**
     * Runs the script named {@code display} (relative to the working directory, as psql's {@code --file} gets it).
     *
     * @return psql's exit value: 0, 1 when the file cannot be read, 3 after an error under ON_ERROR_STOP
     */
    public int run(String display) {
        String text;
        try {
            text = read(workingDirectory.resolve(display));
        } catch (IOException e) {
            sink.err("psql: error: " + display + ": No such file or directory");
            return FATAL;
        }
        try {
            runText(text, display);
            return OK;
        } catch (Stop stop) {
            return stop.exitValue;
        }
    }

    private void runText(String text, String display) throws Stop {
        PsqlScanner scanner = new PsqlScanner(text, variables);
        PsqlConditionals conds = new PsqlConditionals();
        while (true) {
            scanner.active(conds.active());
            PsqlScanner.Item item = scanner.next();
            if (item instanceof PsqlScanner.Statement s) {
                if (conds.active()) {
                    execute(s.sql(), display, s.line(), scanner);
                }
            } else if (item instanceof PsqlScanner.Meta m) {
                meta(m, display, scanner, conds);
            } else if (item instanceof PsqlScanner.End end) {
                if (conds.open()) {
                    error(display, end.line(), "reached EOF without finding closing \\endif(s)");
                }
                if (!end.pending().isBlank() && conds.active()) {
                    execute(end.pending(), display, end.line(), scanner);
                }
                return;
            }
        }
    }

    private void meta(PsqlScanner.Meta m, String display, PsqlScanner scanner, PsqlConditionals conds) throws Stop {
        String name = m.name();
        if (!conds.active() && !PsqlMetaCommands.CONDITIONALS.contains(name)) {
            return;
        }
        if (!PsqlMetaCommands.known(name)) {
            error(display, m.line(), "invalid command \\" + name);
            pendingStop();
            return;
        }
        List<String> args = PsqlMetaArgs.parse(m.args(), conds.active() ? variables : null);
        switch (name) {
            case "set" -> set(args, display, m.line());
            case "unset" -> {
                if (args.isEmpty()) {
                    error(display, m.line(), "\\unset: missing required argument");
                } else {
                    variables.unset(args.get(0));
                }
            }
            case "echo", "qecho" -> sink.out(echo(args));
            case "warn" -> {
                String text = echo(args);
                for (String l : text.split("\n", -1)) {
                    if (!l.isEmpty() || !text.endsWith("\n")) {
                        sink.err(l);
                    }
                }
            }
            case "i", "include" -> include(args, display, m.line(), false);
            case "ir", "include_relative" -> include(args, display, m.line(), true);
            case "if" -> conds.ifCommand(conds.active() && condition(args, display, m.line()));
            case "elif" -> {
                boolean value = conds.elifEvaluates() && condition(args, display, m.line());
                conds.elif(value).ifPresent(e -> error(display, m.line(), e));
            }
            case "else" -> conds.elseCommand().ifPresent(e -> error(display, m.line(), e));
            case "endif" -> conds.endif().ifPresent(e -> error(display, m.line(), e));
            case "q", "quit" -> throw new Stop(OK);
            case "g" -> execute(scanner.bufferEmpty() ? lastQuery : scanner.takeBuffer(), display, m.line(), scanner);
            case "gset" -> gset(scanner.bufferEmpty() ? lastQuery : scanner.takeBuffer(), args, display, m.line());
            default -> throw new IllegalStateException("\\" + name + " passed the script check");
        }
        pendingStop();
    }

    private boolean pendingError;

    /** An error psql reports; under ON_ERROR_STOP the run stops once the current command is done. */
    private void error(String display, int line, String message) {
        sink.err(prefix(display, line) + "error: " + message);
        pendingError = true;
    }

    private void pendingStop() throws Stop {
        if (pendingError) {
            pendingError = false;
            if (variables.onErrorStop()) {
                throw new Stop(SCRIPT_ERROR);
            }
        }
    }

    private void set(List<String> args, String display, int line) {
        if (args.isEmpty()) {
            StringBuilder all = new StringBuilder();
            variables.all().forEach((k, v) -> all.append(k).append(" = '").append(v).append("'\n"));
            sink.out(all.toString());
            return;
        }
        String name = args.get(0);
        if (!VARIABLE_NAME.matcher(name).matches()) {
            error(display, line, "invalid variable name: \"" + name + "\"");
            return;
        }
        String value = String.join("", args.subList(1, args.size()));
        variables.set(name, value).ifPresent(e -> error(display, line, e));
    }

    private static String echo(List<String> args) {
        boolean newline = args.isEmpty() || !args.get(0).equals("-n");
        List<String> words = newline ? args : args.subList(1, args.size());
        return String.join(" ", words) + (newline ? "\n" : "");
    }

    private boolean condition(List<String> args, String display, int line) {
        String value = String.join(" ", args);
        Optional<Boolean> b = PsqlVariables.parseBool(value);
        if (b.isEmpty()) {
            // psql warns, takes the false branch and carries on; it is no script error.
            sink.err(prefix(display, line) + "error: unrecognized value \"" + value
                    + "\" for \"\\if expression\": Boolean expected");
        }
        return b.orElse(false);
    }

    private void include(List<String> args, String display, int line, boolean relative) throws Stop {
        if (args.isEmpty()) {
            error(display, line, "\\" + (relative ? "ir" : "i") + ": missing required argument");
            return;
        }
        String path = PsqlScriptCheck.includePath(display, args.get(0), relative);
        String text;
        try {
            text = read(workingDirectory.resolve(path));
        } catch (IOException e) {
            error(display, line, path + ": No such file or directory");
            return;
        }
        runText(text, path);
    }

    private void execute(String sql, String display, int line, PsqlScanner scanner) throws Stop {
        lastQuery = sql;
        if (bodyOnly && PsqlTransactionShape.isWrapper(sql)) {
            queryDone(0);
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            try {
                if (COPY_FROM_STDIN.matcher(sql).matches()) {
                    String data = scanner.copyData();
                    long rows = copy().copyIn(sql, new StringReader(data));
                    queryDone(rows);
                    return;
                }
                if (COPY_TO_STDOUT.matcher(sql).matches()) {
                    java.io.StringWriter out = new java.io.StringWriter();
                    long rows = copy().copyOut(sql, out);
                    sink.out(out.toString());
                    queryDone(rows);
                    return;
                }
                boolean rows = st.execute(sql);
                notices(st.getWarnings(), display, line, sql);
                long count = rows ? printRows(st.getResultSet()) : Math.max(st.getUpdateCount(), 0);
                queryDone(count);
            } catch (SQLException e) {
                notices(st.getWarnings(), display, line, sql);
                serverError(e, display, line, sql);
            }
        } catch (SQLException e) {
            serverError(e, display, line, sql);
        } catch (IOException e) {
            sink.err(prefix(display, line) + "error: " + e.getMessage());
            pendingError = true;
        }
        if (connectionLost()) {
            throw new Stop(2);
        }
        pendingStop();
    }

    private void gset(String sql, List<String> args, String display, int line) {
        String prefix = args.isEmpty() ? "" : args.get(0);
        lastQuery = sql;
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            if (!st.execute(sql)) {
                error(display, line, "\\gset: query did not return rows"); // psql: no rows returned
                return;
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                if (!rs.next()) {
                    error(display, line, "no rows returned for \\gset");
                    return;
                }
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    String v = rs.getString(c);
                    if (v == null) {
                        variables.unset(prefix + md.getColumnLabel(c));
                    } else {
                        variables.set(prefix + md.getColumnLabel(c), v);
                    }
                }
                if (rs.next()) {
                    error(display, line, "more than one row returned for \\gset");
                }
            }
        } catch (SQLException e) {
            serverError(e, display, line, sql);
        }
    }

    /** psql exits 2 when the server connection went away. */
    private boolean connectionLost() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private org.postgresql.copy.CopyManager copy() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private long printRows(ResultSet rs) throws SQLException {
        long n = 0;
        try (rs) {
            int cols = rs.getMetaData().getColumnCount();
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int c = 1; c <= cols; c++) {
                    if (c > 1) {
                        out.append('|');
                    }
                    String v = rs.getString(c);
                    out.append(v == null ? "" : v);
                }
                out.append('\n');
                n++;
            }
            if (out.length() > 0) {
                sink.out(out.toString());
            }
        }
        return n;
    }

    private void queryDone(long rows) {
        variables.set("ERROR", "false");
        variables.set("SQLSTATE", "00000");
        variables.set("ROW_COUNT", Long.toString(rows));
    }

    private void notices(SQLWarning w, String display, int line, String sql) {
        for (; w != null; w = w.getNextWarning()) {
            ServerErrorMessage m = w instanceof PSQLWarning pw ? pw.getServerErrorMessage() : null;
            if (m != null) {
                PsqlMessages.format(prefix(display, line), m, sql, false).forEach(sink::err);
            }
        }
    }

    private void serverError(SQLException e, String display, int line, String sql) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m != null) {
            PsqlMessages.format(prefix(display, line), m, sql, true).forEach(sink::err);
            variables.set("LAST_ERROR_MESSAGE", m.getMessage() == null ? "" : m.getMessage());
            variables.set("LAST_ERROR_SQLSTATE", m.getSQLState() == null ? "" : m.getSQLState());
        } else {
            // The connection failed (psql: server closed the connection unexpectedly).
            sink.err(prefix(display, line) + "error: " + e.getMessage());
        }
        variables.set("ERROR", "true");
        variables.set("SQLSTATE", e.getSQLState() == null ? "" : e.getSQLState());
        variables.set("ROW_COUNT", "0");
        pendingError = true;
    }

    static String prefix(String display, int line) {
        return "psql:" + display + ":" + line + ": ";
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
