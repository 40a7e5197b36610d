package io.sqlitch.registry;

import io.sqlitch.SqitchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * What a registry holds for one project, read on a read-only connection: never creates the file (Sqitch's connect
 * would), never takes a write lock, never upgrades. For pictures and reports that must leave the database alone.
 *
 * @param current  the project's latest deployed change, or empty
 * @param deployed the project's deployed changes, oldest first
 */
public record RegistrySnapshot(Optional<DeployedChange> current, List<DeployedChange> deployed) {

    private static final Identity NOBODY = new Identity("", "");

    public RegistrySnapshot {
        deployed = List.copyOf(deployed);
    }

    /**
     * Calls {@code reader} with the registry opened read-only (null when the file does not exist or holds no
     * registry tables), then closes it: for previews, which must check what a command would without writing.
     */
    public static <T> T readOnly(Path registryFile, Clock clock, java.util.function.Function<RegistryStore, T> reader) {
        if (!Files.isRegularFile(registryFile)) {
            return reader.apply(null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        // Through the escaped file: URI, as RegistryDatabase opens it: no part of the name becomes a driver option.
        try (Connection connection = DriverManager.getConnection(RegistryDatabase.jdbcUrl(registryFile),
                config.toProperties())) {
            if (!new RegistrySchema(connection, RegistryDatabase.MAIN, clock).isInitialized()) {
                return reader.apply(null);
            }
            return reader.apply(new Registry(connection, RegistryDatabase.MAIN, NOBODY, clock));
        } catch (SQLException e) {
            throw new SqitchException("Cannot read the registry " + registryFile + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code registryFile}; empty when the file does not exist or holds no registry tables. */
    public static RegistrySnapshot read(Path registryFile, String project, Clock clock) {
        return readOnly(registryFile, clock, registry -> registry == null
                ? new RegistrySnapshot(Optional.empty(), List.of())
                : new RegistrySnapshot(registry.currentState(project), registry.deployedChanges(project)));
    }
}
