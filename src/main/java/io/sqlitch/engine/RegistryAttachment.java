package io.sqlitch.engine;

import io.sqlitch.registry.RegistryDatabase;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * The registry file attached to the script connection only while no script runs: {@link #hide()} before a
 * script (so that it sees only the target database, as the sqlite3 client does), {@link #show()} after, also
 * inside the script's transaction, whose registry rows then commit with its work. A registry that is the target
 * file itself (schema {@code main}) is neither hidden nor shown.
 */
final class RegistryAttachment {

    /** The schema name the registry is attached under. */
    static final String ALIAS = "sqitch";

    private final Connection connection;
    private final Path file;
    private boolean attached;

    /** @param file the registry file, or null when the registry is the connection's main database */
    RegistryAttachment(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Detaches the registry; outside a transaction only (SQLite refuses DETACH within one). */
    void hide() {
        if (attached) {
            RegistryDatabase.detach(connection, ALIAS);
            attached = false;
        }
    }

    /** Attaches the registry again; a no-op when it is attached or is the main database. */
    void show() {
        if (file != null && !attached) {
            RegistryDatabase.attach(connection, file, ALIAS);
            attached = true;
        }
    }
}
