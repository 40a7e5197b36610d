package io.sqlitch.target;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved Sqitch target: where the database and registry are and where the project's files live.
 * Directory and file attributes are Sqitch's display text (cleaned, relative to the working directory);
 * {@link #resolve(Path, String)} turns one into a path.
 *
 * @param name                the target name ({@code flipr_test}) or, for a URI target, the URI without password
 * @param uri                 the target URI
 * @param engine              the engine key ({@code sqlite}), empty for the engineless {@code db:} target
 * @param registry            the registry name ({@code sqitch}) or absolute file
 * @param client              the client program ({@code sqlite3}): the configured one, else the engine's default
 * @param configuredClient    the client when one is configured ({@code --client}, {@code target.<name>.client},
 *                            {@code engine.<e>.client}, {@code core.client}, first given wins), even when it is the
 *                            default's name; empty when none is (the pg engine then runs scripts in-process)
 * @param topDir              the top directory ({@code .})
 * @param planFile            the plan file ({@code sqitch.plan})
 * @param extension           the script extension ({@code sql})
 * @param deployDir           {@code deploy}
 * @param revertDir           {@code revert}
 * @param verifyDir           {@code verify}
 * @param reworkedDir         the reworked top directory ({@code .})
 * @param reworkedDeployDir   {@code deploy} (under reworkedDir)
 * @param reworkedRevertDir   {@code revert}
 * @param reworkedVerifyDir   {@code verify}
 * @param variables           {@code engine.<e>.variables.*} overlaid by {@code target.<name>.variables.*}
 */
public record Target(String name, DbUri uri, Optional<String> engine, String registry, String client,
                     Optional<String> configuredClient,
                     String topDir, String planFile, String extension,
                     String deployDir, String revertDir, String verifyDir,
                     String reworkedDir, String reworkedDeployDir, String reworkedRevertDir, String reworkedVerifyDir,
                     Map<String, String> variables) {

    public Target {
        variables = Map.copyOf(variables);
    }

    /** What Sqitch shows as "database" in messages ({@code # On database flipr_test}): the name. */
    public String destination() {
        return name;
    }

    /** The SQLite database file as written in the URI, empty for {@code db:sqlite:}. */
    public Optional<String> dbName() {
        return uri.dbName();
    }

    /**
     * The database file resolved against the working directory. A name starting with {@code file:} is an SQLite
     * URI filename, as the sqlite3 client (which Sqitch gives the name) reads it: {@code file:t2.db?mode=ro} is
     * {@code t2.db}. Its parameters are dropped: no part of a URI ever becomes a driver option.
     */
    public Optional<Path> dbFile(Path workingDirectory) {
        return dbName().map(name -> workingDirectory.resolve(SqliteFileName.path(name)));
    }

    /** The registry URI ({@code db:sqlite:sqitch.db}). */
    public DbUri registryUri() {
        return uri.registryUri(registry);
    }

    /** The registry URI text without password, for messages such as {@code Adding registry tables to ...}. */
    public String registryDestination() {
        return registryUri().withoutPassword();
    }

    /** The registry database file resolved against the working directory, empty when the URI names no file. */
    public Optional<Path> registryFile(Path workingDirectory) {
        return registryUri().dbName().map(name -> workingDirectory.resolve(SqliteFileName.path(name)));
    }

    /** A display path (one of this target's directory/file attributes) resolved against the working directory. */
    public static Path resolve(Path workingDirectory, String displayPath) {
        return workingDirectory.resolve(displayPath).normalize();
    }
}
