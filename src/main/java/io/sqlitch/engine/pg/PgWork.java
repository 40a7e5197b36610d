package io.sqlitch.engine.pg;

import io.sqlitch.registry.Identity;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one-transaction path's session (not in Sqitch): a new session, as each psql run is, whose one transaction
 * takes {@code LOCK TABLE <registry>.changes IN EXCLUSIVE MODE}, runs the change's script body (and a verify script
 * in a savepoint it rolls back), then the registry rows, and commits them together. Before each script the session
 * is put back to what a new psql session has (role, settings: the role's default search_path,
 * client_min_messages), and before the rows to what Sqitch's registry session has (warnings only, the registry as
 * search_path), so neither sees the other's settings. Closing it ends the session (an open transaction is then
 * rolled back).
 */
final class PgWork implements AutoCloseable {

    /** What a new session has: a script's SET ROLE, SET (also SET LOCAL) and search_path undone. */
    private static final String NEW_SESSION = "SET SESSION AUTHORIZATION DEFAULT; RESET ROLE; RESET ALL";

    private final Connection connection;
    private final String registryName;
    private final Identity user;
    private final boolean cockroach;
    private PgRegistry rows;

    private PgWork(Connection connection, String registryName, Identity user, boolean cockroach) {
        this.connection = connection;
        this.registryName = registryName;
        this.user = user;
        this.cockroach = cockroach;
    }

    /**
     * Opens the session and its transaction, with Sqitch's table lock unless {@code noTableLock} (YugabyteDB,
     * CockroachDB).
     */
    static PgWork begin(PgConnectionSettings settings, String registryName, Identity user, boolean noTableLock,
                        boolean cockroach) {
        Connection c = PgConnector.open(settings);
        PgWork work = new PgWork(c, registryName, user, cockroach);
        try {
            c.setAutoCommit(false);
            if (!noTableLock) {
                PgSql.execute(c, "LOCK TABLE " + PsqlQuoting.identifier(registryName) + ".changes IN EXCLUSIVE MODE");
            }
            return work;
        } catch (SQLException e) {
            work.close();
            throw PgSql.wrap(e);
        }
    }

    /** The session, made to look new, for the next script. */
    Connection forScript() {
        rows = null;
        execute(NEW_SESSION);
        return connection;
    }

    /** Starts a verify script's savepoint (its effects never stay); {@link #endVerify()} rolls back to it. */
    Connection forVerify() {
        execute("SAVEPOINT sqitch_verify");
        return forScript();
    }

    void endVerify() {
        execute("ROLLBACK TO SAVEPOINT sqitch_verify; RELEASE SAVEPOINT sqitch_verify");
    }

    /** The registry writer on this session, its settings now the registry session's. */
    PgRegistry rows() {
        if (rows == null) {
            execute(NEW_SESSION);
            rows = PgRegistry.open(connection, registryName, user, cockroach);
        }
        return rows;
    }

    void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    private void execute(String sql) {
        try {
            PgSql.execute(connection, sql);
        } catch (SQLException e) {
            throw PgSql.wrap(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing ends the session; the server rolls back what was not committed either way.
        }
    }
}
