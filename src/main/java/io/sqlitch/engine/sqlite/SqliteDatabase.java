package io.sqlitch.engine.sqlite;

import io.sqlitch.SqitchException;
import io.sqlitch.engine.DatabaseEngine;
import io.sqlitch.engine.DatabaseLock;
import io.sqlitch.engine.ScriptResult;
import io.sqlitch.engine.ScriptRunner;
import io.sqlitch.engine.LoadedScript;
import io.sqlitch.engine.SqlScript;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryDatabase;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.SqliteFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sqitch's SQLite engine, the per-database half: scripts see only the target database, opened once with the
 * client's defaults (foreign keys off), and the registry is ATTACHed to that connection only while no script runs
 * (detached before each script, so an unqualified {@code tags} in a script never names a registry table).
 *
 * <p>The one-transaction path ({@code BEGIN IMMEDIATE … ATTACH … COMMIT}) is atomic across both files through
 * SQLite's super-journal; a verify script runs in a SAVEPOINT inside it (a {@code BEGIN; …; ROLLBACK;} verify
 * is rolled back to the savepoint instead of ending the outer transaction).
 *
 * <p>One instance per command: one connection, the lock held from the first registry access until
 * {@link #close()}. Not thread-safe.
 */
public final class SqliteDatabase implements DatabaseEngine {

    private final Session session;
    private Map<String, String> variables;

    private Connection connection;
    private Registry registry;
    private RegistrySchema schema;
    private ScriptRunner runner;
    private ScriptRunner verifyRunner;
    private DatabaseLock lock;
    /** The registry, attached to {@link #connection} while no script runs; null until connected. */
    private RegistryAttachment attachment;
    /** Undoes what one script leaves on the connection before the next; null for the in-memory registry. */
    private ClientSession clientSession;
    /** The target database file when this engine's connection created it (Sqitch's client would not have yet). */
    private Path createdDatabase;
    /** The registry file when this engine created it: removed again while still empty (a refusal up front). */
    private Path createdRegistry;
    /** Set when a command of ours (not Sqitch's) refused before writing: the empty registry file then goes too. */
    private boolean refusedUpFront;
    /** Whether runners replaced by {@link #useVariables} had run scripts. */
    private boolean scriptsRan;

    public SqliteDatabase(Session session) {
        this.session = session;
        this.variables = session.options().variables();
    }

    private Optional<Path> dbFile() {
        return session.target().dbFile(session.run().directory());
    }

    @Override
    public void connect() {
        if (connection != null) {
            return;
        }
        Optional<Path> db = dbFile();
        if (db.isEmpty()) {
            // db:sqlite: — Sqitch's registry handle is then a temporary database: nothing is deployed there.
            connection = RegistryDatabase.openInMemory();
            schema = new RegistrySchema(connection, RegistryDatabase.MAIN, session.run().clock());
            registry = new Registry(connection, RegistryDatabase.MAIN, session.user(), session.run().clock());
            makeRunners();
            return;
        }
        Path dbPath = db.get().toAbsolutePath().normalize();
        Path regPath = session.target().registryFile(session.run().directory()).orElseThrow().toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(regPath.getParent()) || !Files.isDirectory(dbPath.getParent())) {
            // DBD::SQLite's connect error, as Sqitch prints it.
            throw new SqitchException("unable to open database file");
        }
        lock = DatabaseLock.acquire(regPath, session.target().destination(), session.options().lockTimeout(),
                session.out());
        try {
            if (!Files.exists(dbPath)) {
                createdDatabase = dbPath;
            }
            if (!Files.exists(regPath)) {
                createdRegistry = regPath;
            }
            connection = RegistryDatabase.openForScripts(dbPath);
            clientSession = new ClientSession(connection);
            String alias = RegistryDatabase.MAIN;
            attachment = new RegistryAttachment(connection, regPath.equals(dbPath) ? null : regPath);
            if (!regPath.equals(dbPath)) {
                showRegistry();
                alias = RegistryAttachment.ALIAS;
            }
            schema = new RegistrySchema(connection, alias, session.run().clock());
            registry = new Registry(connection, alias, session.user(), session.run().clock());
            makeRunners();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public RegistryStore store() {
        return registry;
    }

    @Override
    public String destination() {
        return session.target().destination();
    }

    @Override
    public String registryDestination() {
        return session.target().registryDestination();
    }

    @Override
    public boolean registryInitialized() {
        return schema.isInitialized();
    }

    /** A target without a database name has an empty temporary registry. */
    @Override
    public void checkRegistry() {
        schema.check(session.target().registryDestination());
    }

    @Override
    public void upgradeRegistry(Consumer<String> info) {
        schema.upgrade(session.user(), info);
    }

    /**
     * Tables, release row and project row in one transaction: Sqitch commits the tables first, and a crash right
     * after leaves a registry of "version 0" that no later run can upgrade.
     */
    @Override
    public void initializeRegistry(String project, String projectUri) {
        if (dbFile().isEmpty()) {
            throw new SqitchException("Database name missing in URI " + session.target().uri().withoutPassword());
        }
        beginWork();
        boolean done = false;
        try {
            schema.initialize(session.user(), session.target().registryUri().dbName().orElse(""));
            registry.registerProject(project, projectUri);
            finishWork();
            done = true;
        } finally {
            if (!done) {
                rollbackWork();
            }
        }
    }

    @Override
    public void useVariables(Map<String, String> newVariables) {
        this.variables = newVariables;
        if (connection != null) {
            makeRunners();
        }
    }

    private void makeRunners() {
        scriptsRan |= scriptsRan();
        Path dir = session.run().directory();
        runner = new ScriptRunner(connection, dir, variables, session.scriptOut());
        verifyRunner = new ScriptRunner(connection, dir, variables, session.verifyOut());
    }

    private boolean scriptsRan() {
        return scriptsRan || (runner != null && runner.hasRun()) || (verifyRunner != null && verifyRunner.hasRun());
    }

    @Override
    public boolean offersOneTransaction() {
        return true;
    }

    @Override
    public Optional<LoadedScript> load(String path, boolean verify) {
        return (verify ? verifyRunner : runner).load(path).map(LoadedScript.class::cast);
    }

    @Override
    public boolean canRunInside(LoadedScript script) {
        return ScriptRunner.canRunInside((SqlScript) script);
    }

    /** Runs a script that manages its own transactions, in autocommit, with the registry hidden. */
    @Override
    public ScriptResult runAlone(String path, boolean verify) {
        prepareForScript();
        try {
            return (verify ? verifyRunner : runner).run(path);
        } finally {
            // Its settings undone before its registry rows are written (say, a script's synchronous = OFF).
            if (clientSession != null) {
                clientSession.reset();
            }
            showRegistry();
        }
    }

    @Override
    public ScriptResult runBody(LoadedScript script) {
        return runner.runBody((SqlScript) script);
    }

    @Override
    public ScriptResult verifyInside(LoadedScript verify) {
        execute("SAVEPOINT sqitch_verify");
        ScriptResult result = verifyRunner.runInside((SqlScript) verify);
        if (result.succeeded()) {
            if (ScriptRunner.discardsItsWork((SqlScript) verify)) {
                execute("ROLLBACK TO sqitch_verify");
            }
            execute("RELEASE sqitch_verify");
        }
        return result;
    }

    /**
     * Before a script (outside a transaction): the connection as a fresh sqlite3 client would find it (settings
     * and TEMP objects an earlier script left undone), and the registry detached, so the script sees only its
     * database.
     */
    @Override
    public void prepareForScript() {
        if (clientSession != null) {
            clientSession.reset();
        }
        if (attachment != null) {
            attachment.hide();
        }
    }

    @Override
    public void showRegistry() {
        if (attachment != null && connection != null) {
            attachment.show();
        }
    }

    @Override
    public void beginWork() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    @Override
    public void finishWork() {
        try {
            // Back to autocommit commits the transaction; commit() first would open (and then commit) another.
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    /** Rolls back any open transaction and attaches the registry again (what follows writes fail events). */
    @Override
    public void rollbackWork() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the transaction is gone either way
        }
        showRegistry();
    }

    private void execute(String sql) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.execute();
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    @Override
    public String clientFailure() {
        return "\"" + session.target().client() + "\" unexpectedly returned exit value 1\n";
    }

    /** For a failure of the SQLite library (disk full, locked, read-only, damaged): the files and what to do. */
    @Override
    public Optional<String> advice(RuntimeException failure) {
        return SqliteFailure.advice(failure, files());
    }

    /** The files a failure may concern, for messages: the database, and the registry when it is another file. */
    private String files() {
        Optional<Path> db = dbFile();
        Optional<Path> reg = session.target().registryFile(session.run().directory());
        if (db.isEmpty()) {
            return "the in-memory registry";
        }
        return reg.isEmpty() || reg.get().normalize().equals(db.get().normalize()) ? db.get().toString()
                : db.get() + " (or its registry " + reg.get() + ")";
    }

    @Override
    public void refusedUpFront() {
        refusedUpFront = true;
    }

    @Override
    public void close() {
        boolean untouched = createdDatabase != null && connection != null && !scriptsRan()
                && UntouchedDatabase.holdsNothing(connection);
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a read-only or already failed handle: nothing to keep
        } finally {
            connection = null;
            attachment = null;
            clientSession = null;
            removeUntouchedDatabase(untouched);
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }

    /**
     * Opening the target creates its file; Sqitch only creates it when a script runs. A file we created that is
     * still empty (nothing was written), or that no script ran against and holds nothing ({@code --log-only}, a
     * deploy refused before its first script: only our registry transactions touched its header), is removed so
     * that both tools leave the same files; so is an empty registry file we created when the atomic deploy refused
     * up front (it creates nothing).
     */
    private void removeUntouchedDatabase(boolean noScriptRan) {
        removeIfEmpty(createdDatabase, noScriptRan);
        if (refusedUpFront) {
            // Sqitch's own refusals (say, revert with nothing deployed) leave its empty registry file: so do we.
            removeIfEmpty(createdRegistry, false);
        }
        createdDatabase = null;
        createdRegistry = null;
    }

    private static void removeIfEmpty(Path created, boolean untouched) {
        if (created != null) {
            try {
                if (untouched || Files.size(created) == 0) {
                    Files.delete(created);
                }
            } catch (java.io.IOException ignored) {
                // leave it: an empty SQLite file is a valid empty database
            }
        }
    }
}
