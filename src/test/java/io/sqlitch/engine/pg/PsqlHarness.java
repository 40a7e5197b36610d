package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.testing.PgServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs one script with the real psql (as Sqitch runs it) and with the in-process runner, on fresh databases. */
final class PsqlHarness {

    /** What a run printed, its exit value, and the database it left (a pg_dump). */
    record Run(String out, String err, int exit, String dump) {
    }

    private final PgServer pg;
    private final Path cwd;

    PsqlHarness(PgServer pg, Path cwd) {
        this.pg = pg;
        this.cwd = cwd;
    }

    Run real(String file, Map<String, String> vars) throws Exception {
        String db = pg.createDatabase("psql_real");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/psql", "--dbname",
                "user=" + pg.user() + " dbname=" + db + " host=" + pg.host() + " port=" + pg.port()));
        new TreeMap<>(vars).forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        cmd.addAll(List.of("--quiet", "--no-psqlrc", "--no-align", "--tuples-only", "--set", "ON_ERROR_STOP=1",
                "--set", "registry=sqitch", "--file", file));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(cwd.toFile());
        b.environment().keySet().removeIf(k -> k.startsWith("PG"));
        b.environment().put("LC_ALL", "C.UTF-8");
        b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("psql-out", ".txt");
        Path err = Files.createTempFile("psql-err", ".txt");
        b.redirectOutput(out.toFile());
        b.redirectError(err.toFile());
        int rc = b.start().waitFor();
        Run r = new Run(Files.readString(out), Files.readString(err), rc, dump(db));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    Run ours(String file, Map<String, String> vars) throws Exception {
        String db = pg.createDatabase("psql_ours");
        CollectingSink sink = new CollectingSink();
        Map<String, String> env = new HashMap<>();
        env.put("USER", "tester");
        RunContext ctx = new RunContext(cwd, env, Clock.systemUTC(), cwd);
        PgConnectionSettings settings = PgConnectionSettings.resolve(PgUri.parse(pg.sqitchUri(db)), ctx, w -> { });
        int rc;
        try (Connection c = PgConnector.open(settings)) {
            PsqlVariables v = PsqlVariables.forSqitch(vars, "sqitch");
            v.connected(db, pg.user(), pg.host(), pg.port(), "15", 150000);
            rc = PsqlScriptCheck.refusal(cwd, file).map(msg -> {
                sink.err(msg);
                return -1;
            }).orElseGet(() -> new PsqlScriptRunner(c, v, cwd, sink).run(file));
        }
        return new Run(sink.out.toString(), sink.errText(), rc, dump(db));
    }

    void write(String path, String text) throws IOException {
        Path p = cwd.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Schema and data, without the lines that name versions or carry random keys. */
    String dump(String db) throws Exception {
        String bin = System.getenv("SQLITCH_TEST_PGBIN");
        String pgDump = bin != null && Files.isExecutable(Path.of(bin, "pg_dump")) ? bin + "/pg_dump" : "pg_dump";
        ProcessBuilder b = new ProcessBuilder(pgDump, "--no-owner", "--no-privileges", "-h", pg.host(), "-p",
                Integer.toString(pg.port()), "-U", pg.user(), "-d", db);
        b.redirectErrorStream(true);
        Process p = b.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("-- Dumped ") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
