package io.sqlitch.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the target database a deploy created holds nothing of anyone's: no schema object and no header value a
 * script could set. Then deleting it loses nothing (and the registry, when it is this same file, is never empty).
 */
final class UntouchedDatabase {

    private UntouchedDatabase() {
    }

    static boolean holdsNothing(Connection connection) {
        try (Statement st = connection.createStatement()) {
            return zero(st, "SELECT count(*) FROM main.sqlite_master") && zero(st, "PRAGMA main.user_version")
                    && zero(st, "PRAGMA main.application_id");
        } catch (SQLException e) {
            return false; // when in doubt, keep the file
        }
    }

    private static boolean zero(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }
}
