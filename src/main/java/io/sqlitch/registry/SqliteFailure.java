package io.sqlitch.registry;

import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteException;

/**
 * What a failure of the SQLite library means for the user, naming the file and what to do: a full disk, a
 * database locked by another program, a read-only or damaged file. Other failures (a constraint, a syntax error)
 * keep SQLite's own message, as Sqitch shows it.
 */
public final class SqliteFailure {

    private SqliteFailure() {
    }

    /** Advice for the first SQLite failure in {@code error}'s causes, about {@code file}; empty for other errors. */
    public static Optional<String> advice(Throwable error, String file) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) {
                return advice(e.getResultCode().code & 0xff, message(e), file);
            }
            if (t instanceof SQLException e && e.getErrorCode() > 1) {
                return advice(e.getErrorCode() & 0xff, e.getMessage(), file);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> advice(int primaryCode, String sqliteMessage, String file) {
        String what = switch (primaryCode) {
            case 13 -> "The disk holding " + file + " is full: free some space, then run again";
            case 5, 6 -> file + " is locked by another program (a sqlite3 shell, an application holding a "
                    + "transaction open): let it finish, then run again";
            case 8 -> file + " cannot be written: check the permissions of the file, of its journal and of its "
                    + "directory";
            case 11, 26 -> file + " is not a SQLite database or is damaged: restore it from a backup";
            case 10 -> "Reading or writing " + file + " failed: check the disk and the file";
            default -> null;
        };
        return Optional.ofNullable(what).map(w -> w + " (SQLite: " + sqliteMessage + ")");
    }

    private static String message(SQLiteException e) {
        return unwrapped(e.getMessage() == null ? "" : e.getMessage());
    }

    /** SQLite's own text without the driver's "[SQLITE_X] description (...)" wrapping. */
    static String unwrapped(String m) {
        int open = m.indexOf('(');
        return m.startsWith("[SQLITE_") && open > 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
    }
}
