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
 * {@code log}'s pattern filters.
 *
 * <p>Two modes: the registry file on its own connection (schema {@code main}), or attached to the target
 * database's connection under an alias so that a script's effects and its registry rows commit together.
 */
public final class RegistryDatabase {

    /** The schema name of a registry opened on its own connection. */
    public static final String MAIN = "main";

    private RegistryDatabase() {
    }

    /** A connection to the registry file itself (created if missing, as Sqitch's connect does). */
    public static Connection open(Path registryFile) {
        return open(registryFile.toString());
    }

    /**
     * A connection to any SQLite file (the target database, say) configured like Sqitch's registry handle:
     * foreign keys on, immediate transactions, REGEXP registered.
     */
    public static Connection open(String sqliteFile) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Properties properties = config.toProperties();
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile, properties);
            registerRegexp(connection);
            return connection;
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /**
     * Attaches the registry file to an open connection under {@code alias} (e.g. {@code sqitch}); the
     * {@link RegistrySchema} and {@link Registry} for it take the same alias as schema name. Turns foreign keys
     * on and registers REGEXP on that connection, as Sqitch does on its own.
     */
    public static void attach(Connection connection, Path registryFile, String alias) {
        try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + quote(alias));
             Statement pragma = connection.createStatement()) {
            attach.setString(1, registryFile.toString());
            attach.execute();
            pragma.execute("PRAGMA foreign_keys = ON");
            registerRegexp(connection);
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
