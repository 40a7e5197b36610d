package io.sqlitch.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * Runs one statement given as raw bytes, for the statements whose text is not valid UTF-8: sqlite-jdbc takes SQL
 * only as Java strings and would re-encode those bytes as U+FFFD. Goes through the driver's own byte entry point
 * ({@code sqlite3_exec} on the UTF-8 bytes), which is not public API: when a driver release lacks it, the
 * statement is refused with a message instead of being changed. Rows such a statement returns are not printed.
 */
final class RawStatement {

    private static final Method EXEC_UTF8 = find();

    private RawStatement() {
    }

    private static Method find() {
        try {
            Method m = Class.forName("org.sqlite.core.NativeDB").getDeclaredMethod("_exec_utf8", byte[].class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static boolean available() {
        return EXEC_UTF8 != null;
    }

    /** Executes {@code sql} (the statement's exact bytes); throws the driver's SQLException on failure. */
    static void execute(Connection connection, byte[] sql) throws SQLException {
        if (EXEC_UTF8 == null) {
            throw new SQLException("this statement is not valid UTF-8, and this sqlite-jdbc cannot run raw bytes");
        }
        DB db = connection.unwrap(SQLiteConnection.class).getDatabase();
        byte[] terminated = java.util.Arrays.copyOf(sql, sql.length + 1); // a C string for sqlite3_exec
        try {
            synchronized (db) {
                int rc = (int) EXEC_UTF8.invoke(db, (Object) terminated);
                if (rc != 0) {
                    // The driver throws with SQLite's message itself; this only guards a release that does not.
                    throw new SQLException("SQLite result code " + rc, null, rc);
                }
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql2) {
                throw sql2;
            }
            throw new SQLException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException(e);
        }
    }
}
