package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs deploy, revert and verify scripts for the pg engine, the way psql would. Which implementation runs is
 * decided by one rule ({@link #choose}): a client configured anywhere ({@code --client}/{@code sqlitch.client},
 * {@code target.<name>.client}, {@code engine.pg.client}, {@code core.client}) means that program, run exactly as
 * Sqitch runs psql ({@link PsqlClient}); no configured client means the in-process runner
 * ({@link InProcessPsql}).
 */
public interface PgScriptExecutor {

    /** Why the script cannot run on this path (file and line named), checked before anything runs; else empty. */
    Optional<String> refusal(String scriptPath);

    /**
     * Runs one script (path relative to the working directory, as Sqitch passes it to psql).
     *
     * @return psql's exit value: 0 ok, 1 psql's own fatal error (missing file), 2 connection lost, 3 script error
     */
    int run(String scriptPath, PsqlSink sink);

    /** Sqitch's error for a non-zero exit value: {@code "psql" unexpectedly returned exit value 3}. */
    String failure(int exitValue);

    /**
     * The executor for a target.
     *
     * @param configuredClient the client when one is configured, empty for the default
     * @param variables        the user variables of this command (Sqitch's precedence, already merged)
     */
    static PgScriptExecutor choose(Optional<String> configuredClient, PgUri uri, Map<String, String> variables,
                                   String registry, RunContext ctx, Consumer<String> warn) {
        if (configuredClient.isPresent()) {
            return new PsqlClient(configuredClient.get(), uri, variables, registry, ctx);
        }
        return new InProcessPsql(PgConnectionSettings.resolve(uri, ctx, warn), variables, registry, ctx);
    }
}
