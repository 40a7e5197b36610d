package io.sqlitch.engine;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one sqlite3 client process holds while it reads a script: the dot-command settings ({@code .bail},
 * {@code .echo}, {@code .headers}, {@code .nullvalue}, {@code .mode csv}), its stdout (whole lines passed on, the
 * rest kept until the end) and its stderr lines. Rows are printed as {@code -csv} prints them.
 */
final class ShellState {

    private final Consumer<String> stdout;
    private final StringBuilder pending = new StringBuilder();
    private final List<String> errors = new ArrayList<>();

    boolean bail;
    boolean echo;
    boolean showHeader;
    String rowSeparator;
    String nullValue;

    /** @param stdout receives the client's stdout, one line per call without its newline */
    ShellState(Consumer<String> stdout) {
        this.stdout = stdout;
        reset();
    }

    /** The settings of {@code sqlite3 -noheader -bail -batch -csv}, no output yet. */
    void reset() {
        bail = true;
        echo = false;
        showHeader = false;
        rowSeparator = "\n";
        nullValue = "";
        pending.setLength(0);
        errors.clear();
    }

    /** Flushes an unfinished last line; the result of the run. */
    ScriptResult finish(boolean ok) {
        if (!pending.isEmpty()) {
            stdout.accept(pending.toString());
            pending.setLength(0);
        }
        return new ScriptResult(ok, errors);
    }

    void print(String text) {
        pending.append(text);
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            stdout.accept(pending.substring(0, nl));
            pending.delete(0, nl + 1);
        }
    }

    /** {@code .echo on}: each input unit as read. */
    void echo(String text) {
        if (echo) {
            print(text + "\n");
        }
    }

    void error(String text) {
        errors.addAll(List.of(text.split("\n", -1)));
    }

    void printRows(ResultSet rs) throws SQLException {
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
    void printQueryPlan(ResultSet rs) throws SQLException {
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
}
