package io.sqlitch.engine;

import io.sqlitch.command.DeployCommand;
import io.sqlitch.command.DeployOptions;
import io.sqlitch.command.StatusCommand;
import io.sqlitch.command.StatusOptions;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryDatabase;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.registry.RegistryTime;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.GeneratedProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * In-process figures for {@code bench/run.sh} (a plain main, not a test):
 * <ol>
 *   <li>per-change deploy cost of the engine against a bare JDBC loop doing the same work with the same
 *       durability: the same connection set-up (target with the registry ATTACHed, rollback journal,
 *       synchronous FULL), per change one transaction with the script's CREATE TABLE and the same registry rows
 *       (changes, dependencies, tags, deploy event), with statements prepared once;</li>
 *   <li>plan parse and {@code status} of a 10,000-change plan (all deployed, logged in one transaction).</li>
 * </ol>
 * Usage: {@code InProcessBench [changes=200] [repetitions=3] [statusChanges=10000]}.
 */
public final class InProcessBench {

    private InProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int big = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path root = Files.createTempDirectory("sqlitch-bench");
        try {
            // One small discarded round of each: class loading and JIT would otherwise count against the engine.
            engineDeploy(root.resolve("warm-e"), 50);
            bareLoop(root.resolve("warm-b"), 50);
            double[] engine = new double[reps];
            double[] bare = new double[reps];
            for (int r = 0; r < reps; r++) {
                // Alternate the order so that disk cache and JIT warm-up favour neither side.
                if (r % 2 == 0) {
                    engine[r] = engineDeploy(root.resolve("e" + r), n);
                    bare[r] = bareLoop(root.resolve("b" + r), n);
                } else {
                    bare[r] = bareLoop(root.resolve("b" + r), n);
                    engine[r] = engineDeploy(root.resolve("e" + r), n);
                }
            }
            double e = median(engine) / n;
            double b = median(bare) / n;
            System.out.printf("deploy per change (%d changes, median of %d): engine %.2f ms, bare JDBC %.2f ms,"
                    + " ratio %.2f (target <= 1.30)%n", n, reps, e, b, e / b);

            if (big <= 0) {
                return;
            }
            GeneratedProject p = GeneratedProject.create(root.resolve("big"), big);
            Capture setup = new Capture();
            setup.run(() -> new DeployCommand(p.context(setup)).execute(
                    DeployOptions.builder().logOnly(true).atomic(true).build()));
            if (!setup.stderr().isEmpty()) {
                throw new IllegalStateException(setup.stderr());
            }
            double[] parse = new double[5];
            double[] status = new double[5];
            for (int r = 0; r < 5; r++) {
                long t0 = System.nanoTime();
                Plan plan = PlanParser.parseFile(p.dir().resolve("sqitch.plan"), "sqitch.plan");
                parse[r] = (System.nanoTime() - t0) / 1e6;
                if (plan.count() != big) {
                    throw new IllegalStateException("parsed " + plan.count());
                }
                Capture out = new Capture();
                t0 = System.nanoTime();
                out.run(() -> new StatusCommand(p.context(out)).execute(StatusOptions.defaults()));
                status[r] = (System.nanoTime() - t0) / 1e6;
                if (!out.stdout().contains("Nothing to deploy (up-to-date)")) {
                    throw new IllegalStateException(out.stdout() + out.stderr());
                }
            }
            System.out.printf("plan parse of %d changes: %.0f ms; status (config + parse + registry): %.0f ms"
                    + " (target < 300 ms; medians of 5, JIT warm after the first)%n", big, median(parse),
                    median(status));
            System.out.printf("  first (cold) runs: parse %.0f ms, status %.0f ms%n", parse[0], status[0]);
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Milliseconds for our deploy of the generated project (per-change commits, default mode). */
    private static double engineDeploy(Path root, int n) {
        GeneratedProject p = GeneratedProject.create(root, n);
        Capture out = new Capture();
        long t0 = System.nanoTime();
        out.run(() -> new DeployCommand(p.context(out)).execute(DeployOptions.defaults()));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!out.stderr().isEmpty()) {
            throw new IllegalStateException(out.stderr());
        }
        return ms;
    }

    /** Milliseconds for the same work in a bare JDBC loop (registry created first, as the engine does). */
    private static double bareLoop(Path root, int n) throws Exception {
        GeneratedProject p = GeneratedProject.create(root, n);
        Plan plan = PlanParser.parseFile(p.dir().resolve("sqitch.plan"), "sqitch.plan");
        Identity user = new Identity("Bench Marker", "bench@example.com");
        long t0 = System.nanoTime();
        try (Connection c = RegistryDatabase.open(p.dir().resolve("bench.db"))) {
            RegistryDatabase.attach(c, p.dir().resolve("sqitch.db"), "sqitch");
            new RegistrySchema(c, "sqitch", Clock.systemUTC()).initialize(user, "sqitch.db");
            new Registry(c, "sqitch", user, Clock.systemUTC()).registerProject("bench", null);
            try (PreparedStatement change = c.prepareStatement("INSERT INTO sqitch.changes (change_id, script_hash,"
                    + " change, project, note, committer_name, committer_email, planned_at, planner_name,"
                    + " planner_email, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement dep = c.prepareStatement("INSERT INTO sqitch.dependencies (change_id, type,"
                         + " dependency, dependency_id) VALUES (?, ?, ?, ?)");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO sqitch.tags (tag_id, tag, project,"
                         + " change_id, note, committer_name, committer_email, planned_at, planner_name,"
                         + " planner_email, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO sqitch.events (event, change_id, change,"
                         + " project, note, tags, requires, conflicts, committer_name, committer_email, planned_at,"
                         + " planner_name, planner_email, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                         + " ?, ?)")) {
                Instant ts = Instant.now();
                String previous = null;
                for (Change ch : plan.changes()) {
                    c.setAutoCommit(false);
                    byte[] script = Files.readAllBytes(p.dir().resolve("deploy/" + ch.name() + ".sql"));
                    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script));
                    try (Statement st = c.createStatement()) {
                        st.execute(new String(script).split("\n")[1]);
                    }
                    ts = ts.plusMillis(1);
                    String committed = RegistryTime.committed(ts);
                    String planned = RegistryTime.planned(ch.timestamp());
                    set(change, ch.id(), hash, ch.name(), "bench", ch.note(), user.name(), user.email(), planned,
                            ch.planner().name(), ch.planner().email(), committed);
                    if (previous != null) {
                        set(dep, ch.id(), "require", ch.requires().get(0).asString(), previous);
                    }
                    String tags = "";
                    if (!ch.tags().isEmpty()) {
                        var t = ch.tags().get(0);
                        set(tag, t.id(), t.formatName(), "bench", ch.id(), t.note(), user.name(), user.email(),
                                RegistryTime.planned(t.timestamp()), t.planner().name(), t.planner().email(),
                                committed);
                        tags = t.formatName();
                    }
                    set(event, "deploy", ch.id(), ch.name(), "bench", ch.note(), tags,
                            previous == null ? "" : ch.requires().get(0).asString(), "", user.name(), user.email(),
                            planned, ch.planner().name(), ch.planner().email(), committed);
                    c.setAutoCommit(true);
                    previous = ch.id();
                }
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void set(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            st.setObject(i + 1, values[i]);
        }
        st.executeUpdate();
    }

}
