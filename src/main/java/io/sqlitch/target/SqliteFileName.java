package io.sqlitch.target;

import io.sqlitch.SqitchException;

/**
 * A database name from a {@code db:sqlite:} URI as a file path. Sqitch hands the name to the sqlite3 client and
 * DBD::SQLite, which both read a name starting with {@code file:} as an SQLite URI filename: {@code file:t2.db},
 * {@code file:///abs/t2.db}, {@code file://localhost/abs/t2.db}, percent escapes decoded, query and fragment
 * (SQLite's open parameters such as {@code mode=ro}) not part of the file. Any other name is a plain file name,
 * taken literally, {@code ?} included.
 */
final class SqliteFileName {

    private SqliteFileName() {
    }

    static String path(String dbName) {
        if (!dbName.startsWith("file:")) {
            return dbName;
        }
        String rest = dbName.substring("file:".length());
        int end = rest.length();
        int q = rest.indexOf('?');
        int h = rest.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (h >= 0 && h < end) {
            end = h;
        }
        rest = rest.substring(0, end);
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equals("localhost")) {
                // SQLite's own refusal of a remote file URI.
                throw new SqitchException("invalid uri authority: " + authority + " (in database name " + dbName + ")");
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        String path = DbUri.unescape(rest);
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new SqitchException("Database name " + dbName + " names no file");
        }
        return path;
    }
}
