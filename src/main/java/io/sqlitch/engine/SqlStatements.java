package io.sqlitch.engine;

import io.sqlitch.registry.SqliteFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The shell's runOneSqlLine() + shell_exec(): each statement of an SQL unit prepared and run on the connection
 * (never {@code Statement.execute(String)}, whose "backup"/"restore" prefixes the driver would hijack), rows
 * printed, and a failure reported as the client does: "Parse error" / "Runtime error near line N", the marker
 * under the error, then a line naming the database file when the file itself failed.
 */
final class SqlStatements {

    private final Connection connection;
    private final ShellState shell;

    SqlStatements(Connection connection, ShellState shell) {
        this.connection = connection;
        this.shell = shell;
    }

    /**
     * Runs the statements of {@code unit} but those at positions in {@code skip} ({@code "unit:piece"}, see
     * {@link TransactionShape.Position}); false after printing an error.
     */
    boolean run(SqlScript.SqlUnit unit, int unitIndex, Set<String> skip) {
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
                    return runtimeError(unit, e);
                }
                continue;
            }
            PreparedStatement ps;
            try {
                ps = connection.prepareStatement(statement);
            } catch (SQLException e) {
                String message = ShellErrors.message(e);
                StringBuilder text = new StringBuilder("Parse error near line ").append(unit.line()).append(": ")
                        .append(message).append(ShellErrors.codeSuffix(e));
                int offset = ErrorLocator.offset(connection, statement, message);
                if (offset >= 0) {
                    text.append(ShellErrors.context(sql.substring(r[0]), offset));
                }
                shell.error(text.toString());
                advise(e);
                return false;
            }
            try (ps) {
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        if (SqlLexer.words(statement, 3).equals(List.of("EXPLAIN", "QUERY", "PLAN"))) {
                            shell.printQueryPlan(rs);
                        } else {
                            shell.printRows(rs);
                        }
                    }
                }
            } catch (SQLException e) {
                return runtimeError(unit, e);
            }
        }
        return true;
    }

    private boolean runtimeError(SqlScript.SqlUnit unit, SQLException e) {
        shell.error("Runtime error near line " + unit.line() + ": " + ShellErrors.message(e)
                + ShellErrors.codeSuffix(e));
        advise(e);
        return false;
    }

    /**
     * After the client's own error line, for a failure of the file rather than of the SQL (disk full, locked,
     * read-only, damaged): a line naming the database file and what to do.
     */
    private void advise(SQLException e) {
        SqliteFailure.advice(e, mainFile()).ifPresent(shell::error);
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
}
