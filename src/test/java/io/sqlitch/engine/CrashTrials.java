package io.sqlitch.engine;

import io.sqlitch.testing.GeneratedProject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * kill -9 crash trials: a child JVM ({@link DeployChild}) deploys a 200-change project and is killed right after it
 * reported its k-th change deployed (k random, at least 1, so every kill lands inside a deploy); then the registry
 * holds at least those k changes, the registry and the schema must agree (every recorded change is applied; every applied change
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

    /**
     * What a series of trials saw; {@code fewestChangesBeforeKill} is the smallest number of changes a killed run had
     * reported deployed (at least 1: every kill landed inside a deploy).
     */
    record Summary(int kills, int completedRuns, int killedMidDeploy, int unrecordedNonAtomic,
                   int fewestChangesBeforeKill) {
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
        int fewestBeforeKill = Integer.MAX_VALUE;
        while (done < kills) {
            GeneratedProject p = project(root.resolve("round" + round++));
            int recorded = 0;
            while (true) {
                Process child = DeployChild.command(p.dir(), p.home()).redirectErrorStream(true).start();
                int remaining = CHANGES - recorded;
                // Kill once the child has reported its k-th change deployed (k > 0): inside a deploy, never before.
                int k = done < kills && remaining > 1 ? 1 + random.nextInt(remaining - 1) : 0;
                StringBuilder output = new StringBuilder();
                int reported = readUntil(child, k, output);
                if (k > 0 && reported == k) {
                    Thread.sleep(random.nextInt(10)); // land anywhere in change k + 1, not always at its start
                    child.destroyForcibly(); // SIGKILL on Unix
                    child.waitFor();
                    done++;
                    State st = check(p);
                    if (st.recorded() < recorded + k) {
                        throw new IllegalStateException("the child reported " + k + " more changes deployed, the"
                                + " registry has " + (st.recorded() - recorded) + " more");
                    }
                    if (st.recorded() > 0 && st.recorded() < CHANGES) {
                        midDeploy++;
                    }
                    log.printf("kill %d: after change %d of this run (%d recorded)%n", done, k, st.recorded());
                    fewestBeforeKill = Math.min(fewestBeforeKill, k);
                    recorded = st.recorded();
                    unrecorded += st.unrecordedNonAtomic();
                    continue;
                }
                readUntil(child, 0, output);
                if (!child.waitFor(120, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    throw new IllegalStateException("deploy did not finish");
                }
                if (child.exitValue() != 0) {
                    throw new IllegalStateException("re-run after a kill failed with exit " + child.exitValue()
                            + ":\n" + output);
                }
                State st = check(p);
                if (st.recorded() != CHANGES) {
                    throw new IllegalStateException("completed run recorded " + st.recorded());
                }
                completed++;
                break;
            }
        }
        return new Summary(done, completed, midDeploy, unrecorded, fewestBeforeKill);
    }

    /**
     * Reads the child's output until it has reported {@code k} changes deployed ({@code "  + t0001 .. ok"}), or to
     * its end when {@code k} is 0 or it stops first; returns how many it reported.
     */
    private static int readUntil(Process child, int k, StringBuilder output) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int reported = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            output.append(line).append('\n');
            if (line.startsWith("  + ") && line.endsWith(" ok") && !line.endsWith(" not ok") && ++reported == k) {
                break;
            }
        }
        return reported;
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
