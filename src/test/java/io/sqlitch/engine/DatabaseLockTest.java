package io.sqlitch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.SqitchException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLockTest {

    @TempDir
    Path tmp;

    private static final String BLOCKED =
            "info: Blocked by another instance of Sqitch working on db:sqlite:flipr.db; waiting %s seconds...";

    private static List<Path> listing(Path dir) {
        try (var files = Files.list(dir)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void uncontendedLockSaysNothingAndUsesALockFileBesideTheRegistryRemovedAfter() {
        Path registry = tmp.resolve("sqitch.db");
        RecordingOutput out = new RecordingOutput();
        try (DatabaseLock lock = DatabaseLock.acquire(registry, "db:sqlite:flipr.db", Duration.ofSeconds(1), out)) {
            assertEquals(tmp.resolve("sqitch.db.lock"), DatabaseLock.lockFileFor(registry));
            assertTrue(Files.isRegularFile(tmp.resolve("sqitch.db.lock")));
            assertFalse(Files.exists(registry), "the SQLite file itself is never opened");
        }
        assertEquals(List.of(), listing(tmp), "the last holder removes the lock file: Sqitch leaves none");
        assertEquals(List.of(), out.lines);
    }

    @Test
    void aLockPathThatIsADirectoryIsAnErrorNamingIt() throws Exception {
        Path registry = tmp.resolve("sqitch.db");
        Files.createDirectory(tmp.resolve("sqitch.db.lock"));
        SqitchException e = assertThrows(SqitchException.class,
                () -> DatabaseLock.acquire(registry, Duration.ofSeconds(1), new RecordingOutput()));
        assertEquals("Lock file " + tmp.resolve("sqitch.db.lock") + " is not a regular file (a directory); "
                + "remove it, then run again", e.getMessage());
        // The lock is free again for this JVM.
        Files.delete(tmp.resolve("sqitch.db.lock"));
        DatabaseLock.acquire(registry, Duration.ofSeconds(1), new RecordingOutput()).close();
    }

    @Test
    void aSymlinkAtTheLockPathIsNeverFollowed() throws Exception {
        Path registry = tmp.resolve("sqitch.db");
        Path elsewhere = tmp.resolve("elsewhere");
        Files.createSymbolicLink(tmp.resolve("sqitch.db.lock"), elsewhere);
        SqitchException e = assertThrows(SqitchException.class,
                () -> DatabaseLock.acquire(registry, Duration.ofSeconds(1), new RecordingOutput()));
        assertTrue(e.getMessage().contains("a symbolic link"), e.getMessage());
        assertFalse(Files.exists(elsewhere), "nothing created through the link");
        assertTrue(Files.isSymbolicLink(tmp.resolve("sqitch.db.lock")), "and the link is left as it was");
    }

    @Test
    void theLockFileTakesTheDirectorysPermissionsWithoutExecute() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (DatabaseLock lock = DatabaseLock.acquire(dir.resolve("sqitch.db"), Duration.ofSeconds(1),
                new RecordingOutput())) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("sqitch.db.lock"))));
        }
    }

    @Test
    void aStaleLockFileLeftByACrashLocksNothing() throws Exception {
        Path registry = tmp.resolve("sqitch.db");
        Files.writeString(tmp.resolve("sqitch.db.lock"), "left by a killed process");
        RecordingOutput out = new RecordingOutput();
        DatabaseLock.acquire(registry, Duration.ofSeconds(1), out).close();
        assertEquals(List.of(), out.lines);
        assertFalse(Files.exists(tmp.resolve("sqitch.db.lock")));
    }

    @Test
    void secondThreadWaitsThenProceeds() throws Exception {
        Path registry = tmp.resolve("sqitch.db");
        CountDownLatch held = new CountDownLatch(1);
        AtomicLong releasedAt = new AtomicLong();
        FutureTask<Void> holder = new FutureTask<>(() -> {
            try (DatabaseLock lock = DatabaseLock.acquire(registry, Duration.ofSeconds(5), new RecordingOutput())) {
                held.countDown();
                Thread.sleep(300);
                releasedAt.set(System.nanoTime());
            }
            return null;
        });
        new Thread(holder).start();
        assertTrue(held.await(5, TimeUnit.SECONDS));
        RecordingOutput out = new RecordingOutput();
        try (DatabaseLock lock = DatabaseLock.acquire(registry, "db:sqlite:flipr.db", Duration.ofSeconds(10), out)) {
            assertTrue(System.nanoTime() >= releasedAt.get() && releasedAt.get() != 0);
        }
        holder.get(10, TimeUnit.SECONDS); // rethrows what failed in the holder
        assertEquals(List.of(BLOCKED.formatted("10")), out.lines);
    }

    @Test
    void shortTimeoutFailsWithSqitchsMessage() throws Exception {
        Path registry = tmp.resolve("sqitch.db");
        RecordingOutput out = new RecordingOutput();
        try (DatabaseLock lock = DatabaseLock.acquire(registry, Duration.ofSeconds(1), new RecordingOutput())) {
            // The attempt runs on another thread (the JVM lock is per thread); its outcome is asserted here.
            FutureTask<Throwable> other = new FutureTask<>(() -> {
                try {
                    DatabaseLock.acquire(registry, "db:sqlite:flipr.db", Duration.ofMillis(200), out).close();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            new Thread(other).start();
            Throwable thrown = other.get(10, TimeUnit.SECONDS);
            SqitchException e = assertInstanceOf(SqitchException.class, thrown, "the second acquire must time out");
            assertEquals("Timed out waiting 0.2 seconds for another instance of Sqitch to finish work on "
                    + "db:sqlite:flipr.db", e.getMessage());
            assertEquals(2, e.exitValue());
        }
        assertEquals(List.of(BLOCKED.formatted("0.2")), out.lines);
        // released: can be taken again at once
        DatabaseLock.acquire(registry, Duration.ofSeconds(1), new RecordingOutput()).close();
    }

    @Test
    void anotherProcessHoldingTheLockMakesUsWaitThenTimeOutOrProceed() throws Exception {
        Path registry = tmp.resolve("flipr.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), registry.toString(),
                "1500").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", r.readLine());

            RecordingOutput impatient = new RecordingOutput();
            SqitchException e = assertThrows(SqitchException.class,
                    () -> DatabaseLock.acquire(registry, "db:sqlite:flipr.db", Duration.ofMillis(100), impatient));
            assertEquals("Timed out waiting 0.1 seconds for another instance of Sqitch to finish work on "
                    + "db:sqlite:flipr.db", e.getMessage());

            RecordingOutput out = new RecordingOutput();
            try (DatabaseLock lock = DatabaseLock.acquire(registry, "db:sqlite:flipr.db", Duration.ofSeconds(20),
                    out)) {
                assertTrue(r.ready(), "the child said it was releasing before we got the lock");
                assertEquals("releasing", r.readLine());
            }
            assertEquals(List.of(BLOCKED.formatted("20")), out.lines);
        } finally {
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(0, child.exitValue());
    }
}
