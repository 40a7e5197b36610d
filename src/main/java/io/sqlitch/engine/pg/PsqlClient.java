package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs scripts through a real psql exactly as Sqitch 1.3.1 runs it (pg-spec.md §3.1):
 * {@code <client> [--dbname '<conninfo>'] [--set NAME=VALUE ...] --quiet --no-psqlrc --no-align --tuples-only
 * --set ON_ERROR_STOP=1 --set registry=<registry> --file <path>}, in the working directory, with Sqitch's
 * environment plus {@code PGPASSWORD} when the target has a password (never on the command line).
 */
public final class PsqlClient implements PgScriptExecutor {

    private final String client;
    private final List<String> prefix;
    private final Map<String, String> environment;
    private final RunContext ctx;

    /**
     * @param client    the configured client ({@code psql}, {@code /usr/bin/psql}), shown as is in messages
     * @param uri       the target URI
     * @param variables the user variables (sorted by name on the command line)
     * @param registry  the registry name, passed as {@code registry} after the user variables
     */
    public PsqlClient(String client, PgUri uri, Map<String, String> variables, String registry, RunContext ctx) {
        this.client = client;
        this.ctx = ctx;
        List<String> args = new ArrayList<>();
        args.add(client);
        String conninfo = conninfo(uri, ctx);
        if (!conninfo.isEmpty()) {
            args.add("--dbname");
            args.add(conninfo);
        }
        new TreeMap<>(variables).forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        args.addAll(List.of("--quiet", "--no-psqlrc", "--no-align", "--tuples-only", "--set", "ON_ERROR_STOP=1",
                "--set", "registry=" + registry));
        this.prefix = List.copyOf(args);
        Map<String, String> env = new TreeMap<>(ctx.environment());
        ctx.env("SQITCH_PASSWORD").or(uri::password).ifPresent(p -> env.put("PGPASSWORD", p));
        this.environment = env;
    }

    /** Sqitch's conninfo: user, dbname, host, port (only when written), then the query parameters by key. */
    static String conninfo(PgUri uri, RunContext ctx) {
        List<String> items = new ArrayList<>();
        ctx.env("SQITCH_USERNAME").or(uri::user).ifPresent(u -> items.add("user=" + escape(u)));
        uri.dbName().ifPresent(d -> items.add("dbname=" + escape(d)));
        uri.host().ifPresent(h -> items.add("host=" + escape(h)));
        uri.port().ifPresent(p -> items.add("port=" + p));
        Map<String, String> query = new TreeMap<>();
        uri.query().forEach(e -> query.put(e.getKey(), e.getValue()));
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                items.add(k + "=" + escape(v));
            }
        });
        return String.join(" ", items);
    }

    private static String escape(String value) {
        return value.replaceAll("([ \"'\\\\])", "\\\\$1");
    }

    /** The command line for one script (for tests and {@code --log-only} listings; it holds no password). */
    public List<String> command(String scriptPath) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("--file");
        cmd.add(scriptPath);
        return cmd;
    }

    /**
     * Runs one script; psql's stdout goes to {@code sink.out} (pass a sink that drops it for verify scripts, as
     * Sqitch captures and discards it), its stderr line by line to {@code sink.err}.
     *
     * @return psql's exit value
     * @throws SqitchException Sqitch's {@code "<client>" failed to start: "<reason>"}
     */
    @Override
    public int run(String scriptPath, PsqlSink sink) {
        ProcessBuilder b = new ProcessBuilder(command(scriptPath)).directory(ctx.directory().toFile());
        b.environment().clear();
        b.environment().putAll(environment);
        b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = b.start();
        } catch (IOException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("error=2")
                    ? "No such file or directory" : e.getMessage();
            throw new SqitchException("\"" + client + "\" failed to start: \"" + reason + "\"");
        }
        // psql's two streams are read on two threads; the sink sees one call at a time.
        PsqlSink one = synchronizedSink(sink);
        Thread err = new Thread(() -> lines(p.getErrorStream(), one), "psql-stderr");
        err.start();
        try (Reader out = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
            char[] chunk = new char[8192];
            for (int n; (n = out.read(chunk)) >= 0;) {
                one.out(new String(chunk, 0, n));
            }
            int rc = p.waitFor();
            err.join();
            return rc;
        } catch (IOException e) {
            throw new SqitchException("\"" + client + "\" failed: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new SqitchException("interrupted while \"" + client + "\" ran " + scriptPath);
        }
    }

    @Override
    public java.util.Optional<String> refusal(String scriptPath) {
        return java.util.Optional.empty();
    }

    @Override
    public String failure(int exitValue) {
        return "\"" + client + "\" unexpectedly returned exit value " + exitValue;
    }

    private static PsqlSink synchronizedSink(PsqlSink sink) {
        return new PsqlSink() {
            @Override
            public synchronized void out(String text) {
                sink.out(text);
            }

            @Override
            public synchronized void err(String line) {
                sink.err(line);
            }
        };
    }

    private static void lines(InputStream in, PsqlSink sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                sink.err(line);
            }
        } catch (IOException e) {
            sink.err("error reading psql's stderr: " + e.getMessage());
        }
    }
}
