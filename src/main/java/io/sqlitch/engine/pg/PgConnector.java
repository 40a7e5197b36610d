package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Opens pgjdbc connections for resolved {@link PgConnectionSettings}. A failure becomes a {@link SqitchException}
 * worded as libpq words it, which is what Sqitch prints:
 * {@code connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "x" does not exist}.
 */
public final class PgConnector {

    private static final Driver DRIVER = new Driver();

    private PgConnector() {
    }

    /** A new autocommit connection. */
    public static Connection open(PgConnectionSettings settings) {
        Properties props = settings.jdbcProperties();
        try {
            Connection c = DRIVER.connect(settings.jdbcUrl(), props);
            if (c == null) {
                throw new SqitchException("pgjdbc refused the URL " + settings.jdbcUrl());
            }
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw new SqitchException(libpqText(settings, e), e);
        }
    }

    /** libpq's message for a failed connection attempt (to the first host). */
    static String libpqText(PgConnectionSettings settings, SQLException e) {
        String host = settings.hosts().get(0);
        String prefix = "connection to server at \"" + host + "\"" + resolved(host) + ", port "
                + settings.ports().get(0) + " failed: ";
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null) {
            if ("28P01".equals(server.getSQLState()) && settings.password().isEmpty()) {
                return prefix + "fe_sendauth: no password supplied";
            }
            return prefix + server.getSeverity() + ":  " + server.getMessage();
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return prefix + "Connection refused\n\tIs the server running on that host and accepting TCP/IP"
                    + " connections?";
        }
        if (cause instanceof UnknownHostException) {
            return "could not translate host name \"" + host + "\" to address: Name or service not known";
        }
        String msg = e.getMessage();
        if (msg != null && settings.password().isEmpty() && msg.contains("requested")
                && msg.contains("authentication")) {
            return prefix + "fe_sendauth: no password supplied";
        }
        return prefix + msg;
    }

    /** libpq names the address too when the host is a name: {@code "localhost" (127.0.0.1)}. */
    private static String resolved(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return "";
        }
        try {
            return " (" + InetAddress.getByName(host).getHostAddress() + ")";
        } catch (UnknownHostException e) {
            return "";
        }
    }
}
