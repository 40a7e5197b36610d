package io.sqlitch.engine;

import io.sqlitch.testing.GeneratedProject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * kill -9 crash trials: a child JVM ({@link DeployChild}) deploys a 200-change project and is killed at a random
 * moment; then the registry and the schema must agree (every recorded change is applied; every applied change
 * whose script may commit atomically is recorded; both files pass {@code integrity_check}), and the next run
 * carries on. Runs repeat on the same database until one completes (exit 0, all 200 recorded); then a fresh
 * project starts. Every 7th change manages its own transactions (two BEGIN…COMMIT, idempotent statements), so
 * that the non-atomic path, where a change may be applied but not yet recorded, is crossed too.
 *
 * <p>{@code CrashTrials KILLS [SEED]} from {@code bench/run.sh} (CRASH_TRIALS=50); {@code CrashSafetyTest} runs a
 * few.
 */
public final class CrashTrials {

    static final int CHANGES = 200;

    /** What a series of trials saw. */
    record Summary(int kills, int completedRuns, int killedMidDeploy, int unrecordedNonAtomic) {
    }

    private CrashTrials() {
    }

    public static void main(String[] args) throws Exception {
        int kills = Integer.parseInt(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Path root = Files.createTempDirectory("sqlitch-crash");
        try {
            long t0 = System.nanoTime();
            Summary s = run(root, kills, seed, System.out);
            System.out.printf("crash trials: %d kills (%d mid-deploy), %d completed re-runs, %d non-atomic changes"
                    + " applied but unrecorded at a kill (allowed); registry and schema agreed every time;"
                    + " seed %d; %.0f s%n", s.kills(), s.killedMidDeploy(), s.completedRuns(),
                    s.unrecordedNonAtomic(), seed, (System.nanoTime() - t0) / 1e9);
        } finally {
            delete(root);
        }
    }

    static Summary run(Path root, int kills, long seed, PrintStream log) throws Exception {
        Random random = new Random(seed);
        int done = 0;
        int completed = 0;
        int midDeploy = 0;
        int unrecorded = 0;
        int round = 0;
        while (done < kills) {
            GeneratedProject p = project(root.resolve("round" + round++));
            while (true) {
                Path childLog = p.dir().resolveSibling("child.log");
                Process child = DeployChild.command(p.dir(), p.home()).redirectErrorStream(true)
                        .redirectOutput(childLog.toFile()).start();
                long delay = 300 + random.nextInt(2500);
                if (done < kills && !child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly(); // SIGKILL on Unix
                    child.waitFor();
                    done++;
                    State st = check(p);
                    if (st.recorded() > 0 && st.recorded() < CHANGES) {
                        midDeploy++;
                    }
                    unrecorded += st.unrecordedNonAtomic();
                    continue;
                }
                if (!child.waitFor(120, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    throw new IllegalStateException("deploy did not finish");
                }
                if (child.exitValue() != 0) {
                    throw new IllegalStateException("re-run after a kill failed with exit " + child.exitValue()
                            + ":\n" + Files.readString(childLog));
                }
                State st = check(p);
                if (st.recorded() != CHANGES) {
                    throw new IllegalStateException("completed run recorded " + st.recorded());
                }
                completed++;
                break;
            }
        }
        return new Summary(done, completed, midDeploy, unrecorded);
    }

    static boolean managesOwnTransactions(int i) {
        return i % 7 == 0;
    }

    static GeneratedProject project(Path root) throws IOException {
        GeneratedProject p = GeneratedProject.create(root, CHANGES);
        for (int i = 7; i <= CHANGES; i += 7) {
            String name = GeneratedProject.name(i);
            Files.writeString(p.dir().resolve("deploy/" + name + ".sql"), "BEGIN;\nCREATE TABLE IF NOT EXISTS " + name
                    + " (id INTEGER PRIMARY KEY, v TEXT);\nCOMMIT;\nBEGIN;\nCREATE INDEX IF NOT EXISTS " + name
                    + "_v ON " + name + " (v);\nCOMMIT;\n");
        }
        return p;
    }

    record State(int recorded, int unrecordedNonAtomic) {
    }

    /** Fails unless registry and schema agree; opening the files rolls back hot journals, as any client would. */
    static State check(GeneratedProject p) throws SQLException {
        Path db = p.dir().resolve("bench.db");
        Path registry = p.dir().resolve("sqitch.db");
        if (!Files.exists(registry) || !Files.exists(db)) {
            return new State(0, 0);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("ATTACH DATABASE '" + registry.toString().replace("'", "''") + "' AS sqitch");
            }
            for (String schema : List.of("main", "sqitch")) {
                List<String> ok = strings(c, "PRAGMA " + schema + ".integrity_check");
                if (!ok.equals(List.of("ok"))) {
                    throw new IllegalStateException(schema + " integrity: " + ok);
                }
            }
            Set<String> applied = new HashSet<>(strings(c,
                    "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name LIKE 't%'"));
            boolean hasRegistry = !strings(c,
                    "SELECT name FROM sqitch.sqlite_master WHERE name = 'changes'").isEmpty();
            Set<String> recorded = hasRegistry ? new HashSet<>(strings(c, "SELECT change FROM sqitch.changes"))
                    : Set.of();
            for (String r : recorded) {
                if (!applied.contains(r)) {
                    throw new IllegalStateException("recorded but not applied: " + r);
                }
            }
            int unrecorded = 0;
            for (String a : applied) {
                if (recorded.contains(a)) {
                    continue;
                }
                if (!managesOwnTransactions(Integer.parseInt(a.substring(1)))) {
                    throw new IllegalStateException("applied but not recorded (atomic shape): " + a);
                }
                unrecorded++;
            }
            if (unrecorded > 1) {
                throw new IllegalStateException("more than one change applied but unrecorded: " + applied);
            }
            return new State(recorded.size(), unrecorded);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
