package io.sqlitch.registry;

import io.sqlitch.SqitchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC plumbing of the SQLite registry: bound statements on one connection, every table qualified with the
 * registry's schema ({@code main} or the alias it is attached under), and SQLite's errors as Sqitch shows them.
 */
final class RegistrySql implements ChangeIdLookup.Sql {

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /** A read that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlQuery<T> {
        T get() throws SQLException;
    }

    final Connection connection;
    /** The quoted schema name: every statement writes {@code q + ".changes"}. */
    final String q;

    RegistrySql(Connection connection, String schema) {
        this.connection = connection;
        this.q = RegistryDatabase.quote(schema);
    }

    @Override
    public String table(String name) {
        return q + "." + name;
    }

    PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params)) {
            st.executeUpdate();
        }
    }

    boolean exists(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    @Override
    public List<String> strings(String sql, Object... params) {
        return query(() -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    @Override
    public boolean isMissingTable(SqitchException e) {
        return e.getCause() instanceof SQLException sql && isNoSuchTable(sql);
    }

    static <T> T query(SqlQuery<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    static void run(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** Runs {@code work} in the caller's transaction if one is open, else in its own (BEGIN … COMMIT). */
    static void inTransaction(Connection connection, SqlWork work) {
        try {
            if (!connection.getAutoCommit()) {
                work.run();
                return;
            }
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    static boolean isNoSuchTable(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no such table");
    }

    /** An SQLite error as Sqitch shows DBI errors: SQLite's own message. */
    static SqitchException wrap(SQLException e) {
        // sqlite-jdbc prefixes "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: x)".
        String message = e.getMessage() == null ? null : SqliteFailure.unwrapped(e.getMessage());
        return new SqitchException(message, e);
    }
}
