package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sqlite3 client process leaves behind when it exits, undone on our long-lived script connection: each
 * script starts as in a fresh client. After a script, the connection's settings a script may change ({@code PRAGMA
 * foreign_keys}, {@code synchronous}, {@code journal_mode}, {@code locking_mode}, {@code max_page_count}, ...) are
 * set back to what they were when the connection was opened, and its TEMP tables, views and triggers are dropped.
 * This also keeps a script's {@code PRAGMA synchronous = OFF} or {@code journal_mode = OFF} from weakening the
 * commits of the changes after it. Settings stored in the database file itself (WAL, {@code user_version},
 * {@code page_size}, ...) persist as they do for Sqitch.
 */
final class ClientSession {

    /** Connection-level settings that outlive a statement, readable (as table-valued pragmas) and writable. */
    private static final List<String> SETTINGS = List.of("foreign_keys", "recursive_triggers",
            "ignore_check_constraints", "legacy_alter_table", "reverse_unordered_selects", "query_only",
            "trusted_schema", "cell_size_check", "automatic_index", "cache_spill", "writable_schema", "temp_store",
            "busy_timeout", "synchronous", "cache_size", "secure_delete", "max_page_count", "locking_mode",
            "journal_size_limit", "journal_mode");

    /** The settings each attached database has on its own: the target's are restored. */
    private static final java.util.Set<String> PER_SCHEMA = java.util.Set.of("synchronous", "cache_size",
            "secure_delete", "max_page_count", "locking_mode", "journal_size_limit", "journal_mode");

    /** All settings in one row: one statement per script, prepared once. */
    private static final String READ_ALL = SETTINGS.stream().map(p -> "(SELECT * FROM pragma_" + p + ")")
            .collect(java.util.stream.Collectors.joining(", ", "SELECT ", ""));

    private final Connection connection;
    private final List<String> initial;

    /** Remembers the connection's settings as opened (before any script ran). */
    ClientSession(Connection connection) {
        this.connection = connection;
        this.initial = readAll();
    }

    /** Restores the settings and drops TEMP objects; outside a transaction, after a script and its rows. */
    void reset() {
        List<String> now = readAll();
        for (int i = 0; i < SETTINGS.size(); i++) {
            String setting = SETTINGS.get(i);
            String was = initial.get(i);
            String is = now.get(i);
            if (was == null || is == null || is.equalsIgnoreCase(was)) {
                continue;
            }
            // WAL lives in the file (Sqitch's next client sees it too); the rollback-journal modes are per connection.
            if (setting.equals("journal_mode") && is.equalsIgnoreCase("wal")) {
                continue;
            }
            run("PRAGMA " + (PER_SCHEMA.contains(setting) ? "main." : "") + setting + " = " + was);
        }
        run("PRAGMA case_sensitive_like = OFF"); // write-only: cannot be compared
        dropTempObjects();
    }

    private void dropTempObjects() {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT type, name FROM temp.sqlite_master WHERE type IN ('table', 'view', 'trigger')");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                drops.add("DROP " + rs.getString(1).toUpperCase(java.util.Locale.ROOT) + " IF EXISTS temp.\""
                        + rs.getString(2).replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
        // Triggers first: dropping their tables drops them too.
        drops.sort((a, b) -> Boolean.compare(!a.startsWith("DROP TRIGGER"), !b.startsWith("DROP TRIGGER")));
        drops.forEach(this::run);
    }

    private List<String> readAll() {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(READ_ALL); ResultSet rs = st.executeQuery()) {
            rs.next();
            for (int i = 1; i <= SETTINGS.size(); i++) {
                values.add(rs.getString(i));
            }
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
        return values;
    }

    private void run(String sql) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.execute();
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }
}
