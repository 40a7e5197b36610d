package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.SqitchException;
import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sqitch's advisory lock: the same key real sqitch waits on, the same messages, a wait that ends. */
class PgAdvisoryLockTest {

    @TempDir
    Path dir;

    @Test
    void waitsThenTimesOutWithSqitchsMessages() throws Exception {
        PgServer pg = PgServer.require();
        String db = pg.createDatabase("lock");
        try (Connection holder = pg.connect(db); Connection waiter = pg.connect(db)) {
            List<String> info = new ArrayList<>();
            PgAdvisoryLock.lock(holder, "flipr_test", 60, false, info::add);
            assertEquals(List.of(), info);
            try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT classid, objid,"
                    + " objsubid, mode FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
                assertTrue(rs.next());
                assertEquals("0|75474063|1|ExclusiveLock", rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4));
            }
            long start = System.nanoTime();
            SqitchException e = assertThrows(SqitchException.class,
                    () -> PgAdvisoryLock.lock(waiter, "flipr_test", 1, false, info::add));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900), "waited the timeout");
            assertEquals(List.of("Blocked by another instance of Sqitch working on flipr_test; waiting 1 seconds..."),
                    info);
            assertEquals("Timed out waiting 1 seconds for another instance of Sqitch to finish work on flipr_test",
                    e.getMessage());

            info.clear();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                    () -> PgAdvisoryLock.lock(waiter, "flipr_test", 30, false, info::add));
            Thread.sleep(300);
            holder.close();
            waiting.get(20, TimeUnit.SECONDS);
            assertEquals(1, info.size());
        }
    }

    @Test
    void realSqitchWaitsForThePluginsLock() throws Exception {
        PgServer pg = PgServer.requireWithPsql();
        RealSqitch.assumeSqitch();
        String db = pg.createDatabase("lock_sqitch");
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = M\n\temail = m@example.com\n");
        Path project = Files.createDirectories(dir.resolve("p"));
        var env = RealSqitch.env(home);
        assertEquals(0, RealSqitch.run(project, env, List.of("init", "p", "--engine", "pg")).exitValue());
        try (Connection holder = pg.connect(db)) {
            PgAdvisoryLock.lock(holder, "x", 60, false, s -> { });
            RealSqitch.Result r = RealSqitch.run(project, env, List.of("deploy", pg.sqitchUri(db), "--lock-timeout",
                    "1"));
            assertEquals(2, r.exitValue(), r.stdout() + r.stderr());
            assertEquals("Blocked by another instance of Sqitch working on " + pg.sqitchUri(db)
                    + "; waiting 1 seconds...\n", r.stdout());
            assertEquals("Timed out waiting 1 seconds for another instance of Sqitch to finish work on "
                    + pg.sqitchUri(db) + "\n", r.stderr());
        }
    }
}
