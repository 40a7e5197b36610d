package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.SqitchException;
import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small pg project on which one command line runs twice: with real sqitch on one fresh database and with the
 * plugin's command on another. {@link Outcome} holds what each printed (database names masked), its exit value, the
 * registry's rows without their times and a dump of the database, so a test compares the two as one value.
 */
final class PgTwin {

    /** The real psql, by absolute path: a client configured as the bare {@code psql} reads as "none configured". */
    static final String PSQL = "/usr/bin/psql";

    final PgServer pg;
    final EngineProject project;

    PgTwin(PgServer pg, Path tmp, String extraConfig) {
        this.pg = pg;
        this.project = new EngineProject(tmp);
        project.write("sqitch.conf", "[core]\n\tengine = pg\n" + extraConfig);
    }

    /** The cluster, the real psql and real sqitch, or a skipped test (a failed one under -Dsqlitch.requireOracle). */
    static PgServer server() {
        PgServer pg = PgServer.requireWithPsql();
        RealSqitch.assumeSqitch();
        return pg;
    }

    /** One command line with sqitch on one fresh database and the plugin on another: all the same; sqitch's. */
    Outcome compare(String... args) {
        Outcome theirs = sqitch(pg.createDatabase("theirs"), args);
        assertSame(theirs, ours(pg.createDatabase("ours"), args));
        return theirs;
    }

    static void assertSame(Outcome theirs, Outcome ours) {
        assertEquals(theirs.printed(), ours.printed());
        assertEquals(theirs.registry(), ours.registry());
        assertEquals(theirs.dump(), ours.dump());
    }

    /** Scripts run through the real psql on both sides ({@code engine.pg.client}), else in-process for the plugin. */
    PgTwin client(boolean psql, String extraConfig) {
        project.write("sqitch.conf", "[core]\n\tengine = pg\n" + (psql ? "[engine \"pg\"]\n\tclient = " + PSQL + "\n"
                : "") + extraConfig);
        return this;
    }

    /** What one run left: output, exit value, registry rows and database dump. */
    record Outcome(String stdout, String stderr, int exit, String registry, String dump) {

        /** Everything but the dump, one text: the first thing to compare, readable in a failure. */
        String printed() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Real sqitch: {@code args} with the database's URI appended after the verb's own arguments. */
    Outcome sqitch(String db, String... args) {
        return sqitchAt(db, pg.sqitchUri(db), args);
    }

    Outcome sqitchAt(String db, String uri, String... args) {
        List<String> cmd = new ArrayList<>(List.of(args));
        cmd.add(uri);
        return outcome(db, RealSqitch.run(project.dir, project.env, cmd));
    }

    /** The plugin's deploy, revert or verify with the same command line. */
    Outcome ours(String db, String... args) {
        return oursAt(db, pg.sqitchUri(db), args);
    }

    Outcome oursAt(String db, String uri, String... args) {
        return outcome(db, project.ours(ctx -> run(ctx, uri, args)));
    }

    private static CommandResult<?> run(CommandContext ctx, String uri, String... args) {
        List<String> positional = new ArrayList<>();
        String mode = null;
        String to = null;
        Boolean verify = null;
        Integer lockTimeout = null;
        Map<String, String> set = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--to" -> to = args[++i];
                case "--verify" -> verify = true;
                case "--lock-timeout" -> lockTimeout = Integer.valueOf(args[++i]);
                case "-y" -> { }
                case "--set", "-s" -> {
                    String nv = args[++i];
                    set.put(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
                }
                default -> positional.add(args[i]);
            }
        }
        positional.add(uri);
        return switch (args[0]) {
            case "deploy" -> new DeployCommand(ctx).execute(DeployOptions.builder().args(positional).toChange(to)
                    .mode(mode).verify(verify).lockTimeout(lockTimeout).set(set).build());
            case "revert" -> new RevertCommand(ctx).execute(RevertOptions.builder().args(positional).toChange(to)
                    .noPrompt(true).lockTimeout(lockTimeout).set(set).build());
            case "verify" -> new VerifyCommand(ctx).execute(new VerifyOptions(positional, null, null, to, set));
            default -> throw new SqitchException("unknown verb " + args[0]);
        };
    }

    private Outcome outcome(String db, RealSqitch.Result r) {
        return new Outcome(mask(r.stdout(), db), mask(r.stderr(), db), r.exitValue(), registry(db), dump(db));
    }

    private String mask(String text, String db) {
        return text.replace(pg.port() + "/" + db, "PORT/DB").replace(db, "DB");
    }

    /** The registry's rows without their times (and without ids that only repeat what the row already says). */
    String registry(String db) {
        StringBuilder out = new StringBuilder();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            ResultSet exists = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'sqitch'");
            exists.next();
            if (exists.getInt(1) == 0) {
                return "<no registry>\n";
            }
            rows(st, out, "projects", "SELECT project, uri, creator_name, creator_email FROM sqitch.projects");
            rows(st, out, "changes", "SELECT change_id, script_hash, change, project, note, committer_name,"
                    + " committer_email, planned_at, planner_name, planner_email FROM sqitch.changes"
                    + " ORDER BY committed_at, change_id");
            rows(st, out, "tags", "SELECT tag_id, tag, project, change_id, note, committer_name, committer_email,"
                    + " planned_at, planner_name, planner_email FROM sqitch.tags ORDER BY committed_at, tag_id");
            rows(st, out, "dependencies", "SELECT change_id, type, dependency, dependency_id"
                    + " FROM sqitch.dependencies ORDER BY change_id, dependency");
            rows(st, out, "events", "SELECT event, change_id, change, project, note, requires::text,"
                    + " conflicts::text, tags::text, committer_name, committer_email, planned_at, planner_name,"
                    + " planner_email FROM sqitch.events ORDER BY committed_at");
        } catch (SQLException e) {
            return "<" + e.getMessage() + ">\n";
        }
        return out.toString();
    }

    private static void rows(Statement st, StringBuilder out, String title, String sql) throws SQLException {
        out.append("-- ").append(title).append('\n');
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    out.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.append('\n');
            }
        }
    }

    /** The database's schema and its application data (the registry's rows carry times: {@link #registry}). */
    String dump(String db) {
        String bin = System.getenv("SQLITCH_TEST_PGBIN");
        String pgDump = bin != null && Files.isExecutable(Path.of(bin, "pg_dump")) ? bin + "/pg_dump" : "pg_dump";
        ProcessBuilder b = new ProcessBuilder(pgDump, "--no-owner", "--no-privileges", "--exclude-table-data=sqitch.*",
                "-h", pg.host(), "-p", Integer.toString(pg.port()), "-U", pg.user(), "-d", db);
        b.redirectErrorStream(true);
        try {
            Process p = b.start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            StringBuilder kept = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.startsWith("-- Dumped ") && !line.startsWith("\\restrict")
                        && !line.startsWith("\\unrestrict")) {
                    kept.append(line.replace(db, "DB")).append('\n');
                }
            }
            return kept.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
