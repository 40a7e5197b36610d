package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.DatabaseEngine;
import io.sqlitch.engine.LoadedScript;
import io.sqlitch.engine.TransactionShape;
import io.sqlitch.engine.ScriptResult;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.TagRecord;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What Sqitch's pg engine does that the shared deploy/revert/verify algorithms call: one registry session (its
 * search_path the registry, holding the advisory lock), the registry's lifecycle and rows, and scripts run by the
 * {@link PgScriptExecutor} the target's client selects. The algorithms themselves (modes, verify, rollback,
 * messages) are not here: they are shared by every engine. Close it to end the session (and release the lock).
 */
public final class PgEngine implements DatabaseEngine {

    private final PgUri uri;
    private final String destination;
    private final String registryName;
    private final Identity user;
    private final PgConnectionSettings settings;
    private final RunContext ctx;
    private final Consumer<String> warn;
    private PgScriptExecutor scripts;
    private Connection connection;
    private PgRegistry registry;
    /** Set when driven by the shared algorithms ({@link #PgEngine(Session)}). */
    private Session session;
    /** Which transaction a change's scripts and rows are in. */
    private final PgChangeWork work = new PgChangeWork(this::registry);
    private boolean locked;
    private String lastFailure = "";

    /**
     * @param targetName       the target's name (or its URI), for the destination text
     * @param uriText          the target URI ({@code db:pg:...})
     * @param registryName     the registry schema
     * @param configuredClient the client when one is configured (then scripts run through it), else empty
     * @param variables        the command's psql variables (Sqitch's precedence already applied)
     * @param user             the committer of every row
     */
    public PgEngine(String targetName, String uriText, String registryName, Optional<String> configuredClient,
                    Map<String, String> variables, Identity user, RunContext ctx, Consumer<String> warn) {
        this.uri = PgUri.parse(uriText);
        this.destination = PgDestination.of(targetName, io.sqlitch.target.DbUri.of(uriText), ctx);
        this.registryName = registryName;
        this.user = user;
        this.settings = PgConnectionSettings.resolve(uri, ctx, warn);
        this.scripts = PgScriptExecutor.choose(configuredClient, uri, variables, registryName, ctx, warn);
        this.ctx = ctx;
        this.warn = warn;
    }

    /** The engine the shared algorithms drive for a {@code db:pg:} target. */
    public PgEngine(Session session) {
        this(session.target().name(), session.target().uri().text(), session.target().registry(),
                session.target().configuredClient(), session.options().variables(), session.user(),
                session.run(), session.out()::vent);
        this.session = session;
    }

    /** {@code Deploying changes to <destination>}: the text Sqitch's messages show for this database. */
    @Override
    public String destination() {
        return destination;
    }

    /** Sqitch's registry_destination: the same for pg. */
    @Override
    public String registryDestination() {
        return destination;
    }

    /** The registry session, opened on first use (connection errors are libpq's text). */
    public PgRegistry registry() {
        if (registry == null) {
            connection = PgConnector.open(settings);
            registry = PgRegistry.open(connection, registryName, user, cockroach());
        }
        return registry;
    }

    /**
     * The psql variables a script of this target would start with in-process ({@code variables}, Sqitch's,
     * psql's own for this connection): what a preview renders scripts with.
     */
    public PsqlVariables scriptVariables(Map<String, String> variables) {
        try {
            return PsqlVariables.connected(registry().connection(), settings, variables, registryName);
        } catch (SQLException e) {
            throw new SqitchException(e.getMessage(), e);
        }
    }

    public PgRegistryReads reads() {
        return new PgRegistryReads(registry().connection(), cockroach());
    }

    /** Sqitch's lock_destination; CockroachDB and Yugabyte try but never wait. */
    public void lock(int timeoutSeconds, Consumer<String> info) {
        boolean noWait = cockroach() || registry().yugabyte();
        PgAdvisoryLock.lock(registry().connection(), destination, timeoutSeconds, noWait, info);
        locked = true;
    }

    private boolean cockroach() {
        return uri.engine().equals("cockroach");
    }

    public boolean initialized() {
        return registry().initialized();
    }

    /** Creates the registry, then re-reads the session's search_path as Sqitch does after pg.sql. */
    public void initialize() {
        registry().create();
        registry = PgRegistry.open(connection, registryName, user, cockroach());
    }

    /** Why a script cannot run on the selected path; the algorithms check every script before the first runs. */
    @Override
    public Optional<String> refusal(String scriptPath) {
        return scripts.refusal(scriptPath);
    }

    /**
     * Runs a script; a non-zero psql exit value becomes Sqitch's error.
     *
     * @throws SqitchException {@code "psql" unexpectedly returned exit value N}
     */
    public void runScript(String scriptPath, PsqlSink sink) {
        int rc = scripts.run(scriptPath, sink);
        if (rc != 0) {
            throw new SqitchException(scripts.failure(rc));
        }
    }

    /** The one-transaction path's work: a session of its own whose transaction takes Sqitch's table lock. */
    @Override
    public void beginWork() {
        work.begin(settings, registryName, user, cockroach());
    }

    @Override
    public void finishWork() {
        work.finish();
    }

    @Override
    public void rollbackWork() {
        work.rollback();
    }

    public void logDeploy(ChangeRecord change) {
        work.deploy(change);
    }

    public void logFail(ChangeRecord change) {
        work.fail(change);
    }

    public void logRevert(String changeId) {
        work.revert(changeId);
    }

    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        registry().logNewTags(changeId, project, tags);
    }

    // ------------------------------------------------------------------ driven by the shared algorithms

    /** Opens the registry session and takes Sqitch's advisory lock (waiting up to the lock timeout). */
    @Override
    public void connect() {
        connectUnlocked();
        lock();
    }

    /** The registry session without the advisory lock: Sqitch's verify never locks, revert locks after its check. */
    @Override
    public void connectUnlocked() {
        registry();
    }

    @Override
    public void lock() {
        if (!locked) {
            lock((int) Math.max(0, session.options().lockTimeout().toSeconds()), session.out()::info);
        }
    }

    @Override
    public RegistryStore store() {
        return new PgRegistryStore(registry(), work);
    }

    @Override
    public boolean registryInitialized() {
        return initialized();
    }

    @Override
    public void checkRegistry() {
        String version = registry().registryVersion();
        if (!initialized()) {
            throw new SqitchException("No registry found in " + registryDestination() + ". Have you ever deployed?");
        }
        int cmp = Double.compare(Double.parseDouble(version), Double.parseDouble(PgRegistrySchema.VERSION));
        if (cmp > 0) {
            throw new SqitchException("Registry version is " + version + " but " + PgRegistrySchema.VERSION
                    + " is the latest known. Please upgrade Sqitch");
        }
        if (cmp < 0) {
            throw new SqitchException("Registry is at version " + version + " but latest is "
                    + PgRegistrySchema.VERSION + ". Please run the \"upgrade\" command");
        }
    }

    /** Sqitch's {@code registry_release}: the registry version this engine creates and upgrades to. */
    public String registryRelease() {
        return PgRegistrySchema.VERSION;
    }

    @Override
    public void upgradeRegistry(Consumer<String> info) {
        String version = registry().registryVersion();
        int cmp = Double.compare(Double.parseDouble(version), Double.parseDouble(PgRegistrySchema.VERSION));
        if (cmp > 0) {
            throw new SqitchException("Registry version is " + version + " but " + PgRegistrySchema.VERSION
                    + " is the latest known. Please upgrade Sqitch.");
        }
        if (cmp < 0) {
            info.accept("Upgrading the Sqitch registry from " + version + " to " + PgRegistrySchema.VERSION);
            registry().upgrade(version, info);
        }
    }

    @Override
    public void initializeRegistry(String project, String projectUri) {
        initialize();
        registry().registerProject(project, projectUri);
    }

    @Override
    public void useVariables(Map<String, String> variables) {
        scripts = PgScriptExecutor.choose(session.target().configuredClient(), uri, variables, registryName, ctx,
                warn);
    }

    /**
     * The one-transaction path is the in-process runner's: with a configured client the real psql runs every script
     * as Sqitch runs it, in a session we cannot share a transaction with.
     */
    @Override
    public boolean offersOneTransaction() {
        return scripts instanceof InProcessPsql;
    }

    @Override
    public Optional<LoadedScript> load(String path, boolean verify) {
        if (!(scripts instanceof InProcessPsql inProcess) || !Files.isRegularFile(ctx.resolve(path))) {
            return Optional.empty();
        }
        // A refused script goes Sqitch's way, where running it reports the refusal.
        return Optional.of(new PgScript(path, refusal(path).isPresent() ? TransactionShape.OTHER
                : inProcess.shape(path, verify)));
    }

    @Override
    public boolean canRunInside(LoadedScript script) {
        return script.transactionShape() != TransactionShape.OTHER;
    }

    /**
     * Runs a script through the selected executor: its stdout continues the progress line, its stderr lines come
     * back in the result (or, when it succeeds, go to stderr at once, as psql's warnings do under Sqitch). A deploy
     * or revert script runs while the registry session holds Sqitch's table lock (begin_work), which the change's
     * rows then commit; a failing script ends it at once (Sqitch's finish_work).
     */
    @Override
    public ScriptResult runAlone(String path, boolean verify) {
        Optional<String> refused = refusal(path);
        if (refused.isPresent()) {
            throw new SqitchException(refused.get());
        }
        if (!verify) {
            work.beforeScript();
        }
        PgProgressSink sink = new PgProgressSink(verify ? session.verifyOut() : session.scriptOut());
        ScriptResult result = result(sink, scripts.run(path, sink));
        if (!result.succeeded() && !verify) {
            work.releaseHeldLock();
        }
        return result;
    }

    @Override
    public ScriptResult runBody(LoadedScript script) {
        PgProgressSink sink = new PgProgressSink(session.scriptOut());
        return result(sink, inWork(script, sink, work.work()::forScript));
    }

    /** A verify script inside the work, in a savepoint rolled back afterwards: its effects never stay. */
    @Override
    public ScriptResult verifyInside(LoadedScript script) {
        PgProgressSink sink = new PgProgressSink(session.verifyOut());
        int rc = inWork(script, sink, work.work()::forVerify);
        if (rc == 0) {
            work.work().endVerify();
        }
        return result(sink, rc);
    }

    private int inWork(LoadedScript script, PgProgressSink sink, java.util.function.Supplier<Connection> session) {
        try {
            return ((InProcessPsql) scripts).runOn(session.get(), ((PgScript) script).path(), sink, true);
        } catch (SQLException e) {
            sink.err("psql:" + ((PgScript) script).path() + ":0: error: " + e.getMessage());
            return 2;
        }
    }

    private ScriptResult result(PgProgressSink sink, int rc) {
        sink.flush();
        if (rc != 0) {
            lastFailure = scripts.failure(rc);
            return new ScriptResult(false, sink.errors());
        }
        sink.errors().forEach(session.out()::vent);
        return new ScriptResult(true, List.of());
    }

    @Override
    public void prepareForScript() {
        // Scripts run in sessions of their own: nothing on the registry session to hide or reset.
    }

    /** Inside the work: its session's settings back to the registry session's before the rows. */
    @Override
    public void showRegistry() {
        if (work.work() != null) {
            work.work().rows();
        }
    }

    /** Sqitch's die text for the last failed script: it ends with a newline, which its message printing keeps. */
    @Override
    public String clientFailure() {
        return lastFailure + "\n";
    }

    @Override
    public Optional<String> advice(RuntimeException failure) {
        return Optional.empty();
    }

    @Override
    public void refusedUpFront() {
        // Nothing was created to look: a server database is never created by a connection.
    }

    @Override
    public void close() {
        work.close();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing ends the session; the server releases the lock either way.
            }
            connection = null;
            registry = null;
        }
    }
}
