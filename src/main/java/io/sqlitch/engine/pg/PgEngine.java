package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.DatabaseEngine;
import io.sqlitch.engine.ScriptResult;
import io.sqlitch.engine.SqlScript;
import io.sqlitch.registry.RegistryStore;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.TagRecord;
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
    private boolean inWork;
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
            registry = PgRegistry.open(connection, registryName, user);
        }
        return registry;
    }

    public PgRegistryReads reads() {
        return new PgRegistryReads(registry().connection());
    }

    /** Sqitch's lock_destination; CockroachDB and Yugabyte try but never wait. */
    public void lock(int timeoutSeconds, Consumer<String> info) {
        boolean noWait = uri.engine().equals("cockroach") || registry().yugabyte();
        PgAdvisoryLock.lock(registry().connection(), destination, timeoutSeconds, noWait, info);
    }

    public boolean initialized() {
        return registry().initialized();
    }

    /** Creates the registry, then re-reads the session's search_path as Sqitch does after pg.sql. */
    public void initialize() {
        registry().create();
        registry = PgRegistry.open(connection, registryName, user);
    }

    /** Why a script cannot run on the selected path; the algorithms check every script before the first runs. */
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

    @Override
    public void beginWork() {
        registry().beginWork();
        inWork = true;
    }

    @Override
    public void finishWork() {
        registry().finishWork();
        inWork = false;
    }

    @Override
    public void rollbackWork() {
        if (inWork) {
            inWork = false;
            registry().rollbackWork();
        }
    }

    public void logDeploy(ChangeRecord change) {
        registry().logDeploy(change);
    }

    public void logFail(ChangeRecord change) {
        registry().logFail(change);
    }

    public void logRevert(String changeId) {
        registry().logRevert(changeId);
    }

    public void logNewTags(String changeId, String project, List<TagRecord> tags) {
        registry().logNewTags(changeId, project, tags);
    }

    // ------------------------------------------------------------------ driven by the shared algorithms

    /** Opens the registry session and takes Sqitch's advisory lock (waiting up to the lock timeout). */
    @Override
    public void connect() {
        if (connection == null) {
            registry();
            lock((int) Math.max(0, session.options().lockTimeout().toSeconds()), session.out()::info);
        }
    }

    @Override
    public RegistryStore store() {
        return new PgRegistryStore(registry(), () -> inWork);
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

    /** Every script runs as Sqitch runs it (psql's path), so the one-transaction path is not offered yet. */
    @Override
    public boolean offersOneTransaction() {
        return false;
    }

    @Override
    public Optional<SqlScript> load(String path, boolean verify) {
        return Optional.empty();
    }

    @Override
    public boolean canRunInside(SqlScript script) {
        return false;
    }

    /**
     * Runs a script through the selected executor: its stdout continues the progress line, its stderr lines come
     * back in the result (or, when it succeeds, go to stderr at once, as psql's warnings do under Sqitch).
     */
    @Override
    public ScriptResult runAlone(String path, boolean verify) {
        Optional<String> refused = refusal(path);
        if (refused.isPresent()) {
            throw new SqitchException(refused.get());
        }
        PgProgressSink sink = new PgProgressSink(verify ? session.verifyOut() : session.scriptOut());
        int rc = scripts.run(path, sink);
        sink.flush();
        if (rc != 0) {
            lastFailure = scripts.failure(rc);
            return new ScriptResult(false, sink.errors());
        }
        sink.errors().forEach(session.out()::vent);
        return new ScriptResult(true, java.util.List.of());
    }

    @Override
    public ScriptResult runBody(SqlScript script) {
        throw new IllegalStateException("the pg engine does not offer the one-transaction path");
    }

    @Override
    public ScriptResult verifyInside(SqlScript script) {
        throw new IllegalStateException("the pg engine does not offer the one-transaction path");
    }

    @Override
    public void prepareForScript() {
        // Scripts run in sessions of their own: nothing on the registry session to hide or reset.
    }

    @Override
    public void showRegistry() {
        // The registry session always sees the registry (its search_path).
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
