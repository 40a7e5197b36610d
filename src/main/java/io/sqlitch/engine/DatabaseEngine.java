package io.sqlitch.engine;

import io.sqlitch.RunContext;
import io.sqlitch.console.Output;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.target.Target;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one database does for the shared algorithms of {@link Engine} (Sqitch's engine subclass): connect and lock,
 * the registry's lifecycle and rows, running scripts, and the unit of work around a change. A new database fills
 * these methods in its own package; the algorithms, modes and messages stay in {@code io.sqlitch.engine}.
 *
 * <p>The one-transaction path (a change's script body, verify and registry rows committed together) is offered
 * by {@link #load} returning a parsed script: {@link #beginWork()}, {@link #runBody}, {@link #verifyInside},
 * {@link #showRegistry()}, registry writes, {@link #finishWork()}. A database that cannot offer it returns
 * empty from {@link #load}, and every script then runs as Sqitch runs it ({@link #runAlone}).
 */
public interface DatabaseEngine extends AutoCloseable {

    /** What an engine is opened with; the sinks are the progress line's stdout for deploy/revert and verify. */
    record Session(RunContext run, Target target, Identity user, Output out, EngineOptions options,
                   Consumer<String> scriptOut, Consumer<String> verifyOut) {
    }

    /** Opens a database engine for one command (the factory the commands choose by the target's engine). */
    @FunctionalInterface
    interface Opener {
        DatabaseEngine open(Session session);
    }

    /** Connects and locks (Sqitch's {@code lock_destination}); a no-op when connected. */
    void connect();

    /**
     * Connects without Sqitch's lock where the database takes it apart (verify never locks; revert locks after its
     * registry check, {@link #lock()}); by default as {@link #connect()}.
     */
    default void connectUnlocked() {
        connect();
    }

    /** Sqitch's {@code lock_destination} after {@link #connectUnlocked()}; a no-op when locked (or connect locked). */
    default void lock() {
    }

    /** The registry's reads and writes; after {@link #connect()}. */
    RegistryStore store();

    /** What Sqitch's messages call the database ({@code Deploying changes to …}). */
    String destination();

    /** What they call the registry ({@code Adding registry tables to …}). */
    String registryDestination();

    boolean registryInitialized();

    /** Sqitch's {@code _check_registry}: fails when the registry is missing or of another version. */
    void checkRegistry();

    /** Upgrades an older registry, printing Sqitch's lines through {@code info}. */
    void upgradeRegistry(Consumer<String> info);

    /** Creates the registry and registers the project (after the shared code printed "Adding registry tables"). */
    void initializeRegistry(String project, String projectUri);

    /** Replaces the script variables (rebase: revert variables, then deploy variables). */
    void useVariables(Map<String, String> variables);

    /** Whether this database offers the one-transaction path at all (else every script runs alone). */
    boolean offersOneTransaction();

    /** A parsed script for the one-transaction path; empty when missing or when this database cannot offer it. */
    Optional<LoadedScript> load(String path, boolean verify);

    /** Whether a parsed script may run inside the work's transaction (no statements of its own that end it). */
    boolean canRunInside(LoadedScript script);

    /** Runs a script as Sqitch runs it: its own client run, outside any transaction of ours. */
    ScriptResult runAlone(String path, boolean verify);

    /** Runs a deploy/revert script's body inside the open work (its own BEGIN/COMMIT dropped). */
    ScriptResult runBody(LoadedScript script);

    /** Runs a verify script inside the open work, its effects kept from the change (a savepoint). */
    ScriptResult verifyInside(LoadedScript script);

    /** Readies the session for a script (settings reset, registry out of the script's sight). */
    void prepareForScript();

    /** The registry back in sight of the session (inside the work: its rows commit with the script). */
    void showRegistry();

    void beginWork();

    void finishWork();

    /** Rolls back any open work, quietly; the registry is in sight again afterwards. */
    void rollbackWork();

    /** Sqitch's error when the client fails: a Perl die text, so it ends with a newline. */
    String clientFailure();

    /** A message naming files and what to do for a failure of the database library; empty for Sqitch's own. */
    Optional<String> advice(RuntimeException failure);

    /**
     * Why a script cannot run on this engine's path (file and line named), else empty; deploy asks it of every
     * pending script before the first one runs, so such a script never leaves a deploy half done.
     */
    default Optional<String> refusal(String scriptPath) {
        return Optional.empty();
    }

    /** The run was refused before writing anything: files this engine created only to look may go again. */
    void refusedUpFront();

    /** Ends the session and releases the lock. */
    @Override
    void close();
}
