package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers of the pg registry: bound statements, one-column reads, Sqitch's timestamp text. */
final class PgSql {

    /** Sqitch reads every timestamp through this to_char format (pg.pm's {@code _ts2char_format}). */
    static final String TS_FORMAT = "'\"year\":YYYY:\"month\":MM:\"day\":DD:\"hour\":HH24:\"minute\":MI"
            + ":\"second\":SS:\"time_zone\":\"UTC\"'";

    private static final DateTimeFormatter PLANNED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx")
            .withZone(ZoneOffset.UTC);

    private PgSql() {
    }

    /** {@code to_char(col AT TIME ZONE 'UTC', ...)} as Sqitch selects a timestamp. */
    static String ts(String column) {
        return ts(column, false);
    }

    /** The same text on CockroachDB, through {@code experimental_strftime} (cockroach.pm's _ts2char_format). */
    static String ts(String column, boolean cockroach) {
        return cockroach ? "experimental_strftime(" + column + " AT TIME ZONE 'UTC',"
                + " 'year:%Y:month:%m:day:%d:hour:%H:minute:%M:second:%S:time_zone:UTC')"
                : "to_char(" + column + " AT TIME ZONE 'UTC', " + TS_FORMAT + ")";
    }

    /** Parses {@code year:2026:month:12:day:01:hour:11:minute:21:second:28:time_zone:UTC}. */
    static Instant parseTs(String text) {
        if (text == null) {
            return null;
        }
        String[] p = text.split(":");
        return LocalDateTime.of(Integer.parseInt(p[1]), Integer.parseInt(p[3]), Integer.parseInt(p[5]),
                Integer.parseInt(p[7]), Integer.parseInt(p[9]), Integer.parseInt(p[11])).toInstant(ZoneOffset.UTC);
    }

    /** A plan time as Sqitch binds it ({@code 2026-12-01 11:48:41 +0000}, cast to timestamptz by the server). */
    static String planned(Instant instant) {
        return PLANNED.format(instant);
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Work in one transaction on a connection that is otherwise autocommit (Sqitch's begin_work/finish_work). */
    interface Work {
        void run() throws SQLException;
    }

    static void inTransaction(Connection c, Work work) {
        try {
            c.setAutoCommit(false);
            try {
                work.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** DBI's errstr as Sqitch shows it: the server's message with its severity. */
    static SqitchException wrap(SQLException e) {
        return new SqitchException(e.getMessage(), e);
    }

    static boolean isUndefinedTable(SQLException e) {
        return "42P01".equals(e.getSQLState());
    }
}
