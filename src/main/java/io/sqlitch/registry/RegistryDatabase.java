package io.sqlitch.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

import io.sqlitch.SqitchException;

/**
 * Opens registry connections the way Sqitch's DBD::SQLite handle is set up: {@code PRAGMA foreign_keys = ON},
 * {@code BEGIN IMMEDIATE} transactions, and a {@code REGEXP} function (Java regex, {@code find} semantics) for
 * {@code log}'s pattern filters. Every file is opened through an escaped {@code file:} URI: no part of a name
 * ever becomes a driver option.
 *
 * <p>Two modes: the registry file on its own connection (schema {@code main}), or attached to the target
 * database's script connection (foreign keys off, as in the sqlite3 client) under an alias, only while no
 * script runs, so that a script's effects and its registry rows commit together but a script never sees the
 * registry.
 */
public final class RegistryDatabase {

    /** The schema name of a registry opened on its own connection. */
    public static final String MAIN = "main";

    private RegistryDatabase() {
    }

    /** A connection to the registry file itself (created if missing, as Sqitch's connect does). */
    public static Connection open(Path registryFile) {
        return open(jdbcUrl(registryFile), true);
    }

    /** A private in-memory database configured like Sqitch's registry handle. */
    public static Connection openInMemory() {
        return open("jdbc:sqlite::memory:", true);
    }

    /**
     * A connection to the target database as the sqlite3 client opens it for scripts: foreign keys off (the
     * library's default), immediate transactions, REGEXP registered. The registry's code turns nothing on here:
     * scripts run on this connection.
     */
    public static Connection openForScripts(Path databaseFile) {
        Connection connection = open(jdbcUrl(databaseFile), false);
        try {
            // sqlite-jdbc lowers SQLite's statement length limit to 1 MB; the client keeps SQLite's own (1e9).
            connection.unwrap(org.sqlite.SQLiteConnection.class)
                    .setLimit(org.sqlite.SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, SQLITE_MAX_SQL_LENGTH);
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
        return connection;
    }

    /** SQLite's compiled-in maximum statement length (SQLITE_MAX_SQL_LENGTH), the sqlite3 client's limit. */
    static final int SQLITE_MAX_SQL_LENGTH = 1_000_000_000;

    /**
     * The driver URL of a file: an SQLite {@code file:} URI with every byte outside the unreserved characters
     * escaped, so the driver sees no {@code ?} to read options from (a name like {@code x.db?enable_load_extension=1}
     * is that file, as for the sqlite3 client, never a driver option) and SQLite opens exactly that path.
     */
    static String jdbcUrl(Path file) {
        StringBuilder url = new StringBuilder("jdbc:sqlite:file:");
        for (byte b : file.toAbsolutePath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-_.~".indexOf(c) >= 0) {
                url.append(c);
            } else {
                url.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return url.toString();
    }

    private static Connection open(String url, boolean foreignKeys) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(foreignKeys);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Properties properties = config.toProperties();
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            registerRegexp(connection);
            return connection;
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /**
     * Attaches the registry file to an open connection under {@code alias} (e.g. {@code sqitch}); the
     * {@link RegistrySchema} and {@link Registry} for it take the same alias as schema name (REGEXP comes
     * from {@link #open}); leaves the connection's foreign-key setting as it is (the registry's writes do their cascades themselves).
     * SQLite allows ATTACH inside a transaction: a script's effects and the registry rows written after it then
     * commit together (SQLite's super-journal makes the two-file commit atomic).
     */
    public static void attach(Connection connection, Path registryFile, String alias) {
        try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + quote(alias))) {
            attach.setString(1, jdbcUrl(registryFile).substring("jdbc:sqlite:".length()));
            attach.execute();
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /** Detaches {@code alias} (outside any transaction: SQLite refuses DETACH within one). */
    public static void detach(Connection connection, String alias) {
        try (Statement st = connection.createStatement()) {
            st.execute("DETACH DATABASE " + quote(alias));
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /** Registers {@code X REGEXP Y} (called as {@code regexp(Y, X)}): true when the pattern is found in X. */
    public static void registerRegexp(Connection connection) throws SQLException {
        Map<String, Pattern> cache = new HashMap<>();
        Function.create(connection, "REGEXP", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String pattern = value_text(0);
                String value = value_text(1);
                if (pattern == null || value == null) {
                    result();
                    return;
                }
                Pattern compiled;
                try {
                    compiled = cache.computeIfAbsent(pattern, Pattern::compile);
                } catch (PatternSyntaxException e) {
                    throw new SQLException(e.getMessage(), e);
                }
                result(compiled.matcher(value).find() ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    /** A schema name as an SQL identifier. */
    static String quote(String schema) {
        return '"' + schema.replace("\"", "\"\"") + '"';
    }
}
