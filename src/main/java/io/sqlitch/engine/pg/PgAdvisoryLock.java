package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Sqitch's destination lock for PostgreSQL: the session-level advisory lock 75474063 (the same key for every
 * project and registry, per database), tried first and then waited for, with Sqitch's messages. It is held until
 * the registry session closes. Yugabyte and CockroachDB try it but never wait (pg.pm, cockroach.pm).
 */
public final class PgAdvisoryLock {

    /** Sqitch's key. */
    public static final long KEY = 75474063L;

    private PgAdvisoryLock() {
    }

    /**
     * Takes the lock on the registry session.
     *
     * @param info        stdout: {@code Blocked by another instance of Sqitch working on X; waiting N seconds...}
     * @param destination the destination text of the messages
     * @param timeout     seconds to wait ({@code sqlitch.lockTimeout}, Sqitch's default 60)
     * @param noWait      Yugabyte/CockroachDB: the try's result is taken as the lock
     * @throws SqitchException {@code Timed out waiting N seconds for another instance of Sqitch to finish work on X}
     */
    public static void lock(Connection c, String destination, int timeout, boolean noWait, Consumer<String> info) {
        try (Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")");
            rs.next();
            if (rs.getBoolean(1) || noWait) {
                return;
            }
            info.accept("Blocked by another instance of Sqitch working on " + destination + "; waiting " + timeout
                    + " seconds...");
            if (timeout > 0) {
                // The server cancels the wait after the timeout (Sqitch polls an asynchronous query, then cancels).
                st.setQueryTimeout(timeout);
                try {
                    st.execute("SELECT pg_advisory_lock(" + KEY + ")");
                    return;
                } catch (SQLException e) {
                    if (!"57014".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            throw new SqitchException("Timed out waiting " + timeout + " seconds for another instance of Sqitch to"
                    + " finish work on " + destination);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }
}
