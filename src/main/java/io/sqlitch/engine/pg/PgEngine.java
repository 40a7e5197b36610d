package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
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
public final class PgEngine implements AutoCloseable {

    private final PgUri uri;
    private final String destination;
    private final String registryName;
    private final Identity user;
    private final PgConnectionSettings settings;
    private final PgScriptExecutor scripts;
    private Connection connection;
    private PgRegistry registry;

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
    }

    /** {@code Deploying changes to <destination>}: the text Sqitch's messages show for this database. */
    public String destination() {
        return destination;
    }

    /** Sqitch's registry_destination: the same for pg. */
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

    public void beginWork() {
        registry().beginWork();
    }

    public void finishWork() {
        registry().finishWork();
    }

    public void rollbackWork() {
        registry().rollbackWork();
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
