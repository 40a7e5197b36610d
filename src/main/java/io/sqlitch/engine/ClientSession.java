package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Connection-level settings that outlive a statement, readable and writable. */
    private static final List<String> SETTINGS = List.of("foreign_keys", "recursive_triggers",
            "ignore_check_constraints", "legacy_alter_table", "reverse_unordered_selects", "query_only",
            "trusted_schema", "cell_size_check", "automatic_index", "cache_spill", "writable_schema", "temp_store",
            "busy_timeout", "main.synchronous", "main.cache_size", "main.secure_delete", "main.max_page_count",
            "main.locking_mode", "main.mmap_size", "main.journal_size_limit");

    private final Connection connection;
    private final Map<String, String> initial = new LinkedHashMap<>();
    private final String journalMode;

    /** Remembers the connection's settings as opened (before any script ran). */
    ClientSession(Connection connection) {
        this.connection = connection;
        for (String setting : SETTINGS) {
            initial.put(setting, read(setting));
        }
        journalMode = read("main.journal_mode");
    }

    /** Restores the settings and drops TEMP objects; outside a transaction, after a script and its rows. */
    void reset() {
        for (Map.Entry<String, String> e : initial.entrySet()) {
            String now = read(e.getKey());
            if (now != null && e.getValue() != null && !now.equalsIgnoreCase(e.getValue())) {
                run("PRAGMA " + e.getKey() + " = " + e.getValue());
            }
        }
        String mode = read("main.journal_mode");
        // WAL lives in the file (Sqitch's next client sees it too); the rollback-journal modes are per connection.
        if (mode != null && journalMode != null && !mode.equalsIgnoreCase(journalMode) && !mode.equalsIgnoreCase("wal")) {
            run("PRAGMA main.journal_mode = " + journalMode);
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

    private String read(String setting) {
        try (PreparedStatement st = connection.prepareStatement("PRAGMA " + setting); ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private void run(String sql) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.execute();
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }
}
