package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.engine.DeployChild;
import io.sqlitch.testing.PgServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the JVM while a change's script has run but its rows are not written (the one-transaction path):
 * the server rolls the change's transaction back, so neither its table nor its rows stay, and the next deploy
 * completes it.
 */
class PgCrashTest {

    private static final String PLANNER = "Marge N. O’Vera <marge@example.com>";

    @TempDir
    Path tmp;

    @Test
    void aKillBetweenScriptAndRowsLeavesNeitherAndTheReRunCompletes() throws Exception {
        PgServer pg = PgServer.require();
        String db = pg.createDatabase("crash");
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = Marge N. O’Vera\n\temail = marge@example.com\n");
        Files.writeString(dir.resolve("sqitch.conf"), "[core]\n\tengine = pg\n[engine \"pg\"]\n\ttarget = "
                + pg.sqitchUri(db) + "\n");
        Files.writeString(dir.resolve("sqitch.plan"), "%syntax-version=1.0.0\n%project=crash\n\n"
                + "a 2026-11-23T19:01:00Z " + PLANNER + " # a\nb [a] 2026-11-23T19:02:00Z " + PLANNER + " # b\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/a.sql"), "CREATE TABLE a_table (id INT);\n");
        // The server notices the dead client within 200 ms even in the middle of the sleep.
        Files.writeString(dir.resolve("deploy/b.sql"), "SET client_connection_check_interval = 200;\n"
                + "CREATE TABLE b_table (id INT);\nSELECT pg_sleep(120);\n");

        Process child = child(dir, home).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForSleep(pg, db);
            assertEquals(List.of("a_table"), strings(pg, db, "SELECT tablename FROM pg_tables"
                    + " WHERE schemaname = 'public'"), "b's table is not visible before its commit");
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("a_table"), strings(pg, db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
        assertEquals(List.of("a"), strings(pg, db, "SELECT change FROM sqitch.changes"));

        Files.writeString(dir.resolve("deploy/b.sql"), "CREATE TABLE b_table (id INT);\n");
        Process rerun = child(dir, home).redirectErrorStream(true).start();
        String out = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rerun.exitValue(), out);
        assertTrue(out.endsWith("  + b .. ok\n"), out);
        assertEquals(List.of("a_table", "b_table"), strings(pg, db, "SELECT tablename FROM pg_tables"
                + " WHERE schemaname = 'public' ORDER BY 1"));
        assertEquals(List.of("a", "b"), strings(pg, db, "SELECT change FROM sqitch.changes ORDER BY committed_at"));
    }

    private static ProcessBuilder child(Path dir, Path home) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DeployChild.class.getName(), dir.toString(), home.toString());
    }

    /** Waits until b's script sleeps: its table created, its transaction open, its rows not written. */
    private static void waitForSleep(PgServer pg, String db) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (!strings(pg, db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND query LIKE 'SELECT pg_sleep(120)%' AND state = 'active'").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("b's script never started");
    }

    private static List<String> strings(PgServer pg, String db, String query) throws Exception {
        return pg.column(db, query);
    }
}
