package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The in-process executor: each script in its own new session (as each psql call is), with psql's built-in
 * variables set from that session, run by {@link PsqlScriptRunner} after {@link PsqlScriptCheck} found nothing it
 * cannot run. Messages name the client {@code "psql"}, as Sqitch's do.
 */
public final class InProcessPsql implements PgScriptExecutor {

    private final PgConnectionSettings settings;
    private final Map<String, String> variables;
    private final String registry;
    private final RunContext ctx;

    public InProcessPsql(PgConnectionSettings settings, Map<String, String> variables, String registry,
                         RunContext ctx) {
        this.settings = settings;
        this.variables = Map.copyOf(variables);
        this.registry = registry;
        this.ctx = ctx;
    }

    @Override
    public Optional<String> refusal(String scriptPath) {
        return PsqlScriptCheck.refusal(ctx.directory(), scriptPath);
    }

    @Override
    public int run(String scriptPath, PsqlSink sink) {
        if (!java.nio.file.Files.isRegularFile(ctx.resolve(scriptPath))) {
            sink.err("psql: error: " + scriptPath + ": No such file or directory");
            return PsqlScriptRunner.FATAL;
        }
        Connection opened;
        try {
            opened = PgConnector.open(settings);
        } catch (io.sqlitch.SqitchException e) {
            sink.err("psql: error: " + e.getMessage());
            return 2;
        }
        try (Connection c = opened) {
            return runOn(c, scriptPath, sink, false);
        } catch (SQLException e) {
            sink.err("psql:" + scriptPath + ":0: error: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Runs a script on a session the caller holds, with psql's variables of that session; {@code bodyOnly} leaves
     * out the script's own transaction wrapper (the one-transaction path, inside the caller's transaction).
     */
    int runOn(Connection c, String scriptPath, PsqlSink sink, boolean bodyOnly) throws SQLException {
        PsqlVariables vars = PsqlVariables.connected(c, settings, variables, registry);
        PsqlScriptRunner runner = new PsqlScriptRunner(c, vars, ctx.directory(), sink);
        return (bodyOnly ? runner.bodyOnly() : runner).run(scriptPath);
    }

    /** How the script handles transactions, scanned with this run's variables; OTHER when it cannot be read. */
    io.sqlitch.engine.TransactionShape shape(String scriptPath, boolean verify) {
        try {
            return PsqlTransactionShape.of(PsqlScriptRunner.read(ctx.resolve(scriptPath)),
                    PsqlVariables.forSqitch(variables, registry), verify);
        } catch (java.io.IOException e) {
            return io.sqlitch.engine.TransactionShape.OTHER;
        }
    }

    @Override
    public String failure(int exitValue) {
        return "\"psql\" unexpectedly returned exit value " + exitValue;
    }
}
