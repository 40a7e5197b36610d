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
            PsqlVariables vars = PsqlVariables.connected(c, settings, variables, registry);
            return new PsqlScriptRunner(c, vars, ctx.directory(), sink).run(scriptPath);
        } catch (SQLException e) {
            sink.err("psql:" + scriptPath + ":0: error: " + e.getMessage());
            return 2;
        }
    }

    @Override
    public String failure(int exitValue) {
        return "\"psql\" unexpectedly returned exit value " + exitValue;
    }
}
