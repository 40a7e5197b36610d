package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One deploy/revert at a time per database: across processes through a lock on a lock file in the temporary
 * directory named after the registry's real path (never the SQLite file itself: closing another descriptor on it
 * would drop SQLite's own POSIX locks; and not beside it, where it would be a file real Sqitch never leaves in the
 * project), and across threads of this JVM, where file locks do not help (the JVM holds them per process).
 *
 * <p>Not reentrant: a thread that asks again for a lock it holds waits for itself until the timeout.
 *
 * <p>Sqitch's SQLite engine has no lock ({@code try_lock} is a no-op there); the messages are those of
 * Sqitch's {@code lock_destination} for engines that lock.
 */
public final class DatabaseLock implements AutoCloseable {

    /** Sqitch's default {@code --lock-timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /*
     * The one static in the core, on purpose: a lock shared by every thread of the JVM (Maven -T runs mojos in
     * parallel) is exactly what this guards, and file locks cannot serve it because the JVM owns them for the
     * whole process. Keyed by the lock file's absolute, normalised path.
     */
    private static final ConcurrentMap<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();

    private final Semaphore semaphore;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DatabaseLock(Semaphore semaphore, FileChannel channel, FileLock fileLock) {
        this.semaphore = semaphore;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Locks with Sqitch's default timeout of 60 seconds. */
    public static DatabaseLock acquire(Path registryFile, String destination, Output out) {
        return acquire(registryFile, destination, DEFAULT_TIMEOUT, out);
    }

    /** Locks with the destination shown as {@code db:sqlite:<registry file>}. */
    public static DatabaseLock acquire(Path registryFile, Duration timeout, Output out) {
        return acquire(registryFile, "db:sqlite:" + registryFile, timeout, out);
    }

    /**
     * Takes the lock for a database, waiting up to {@code timeout}.
     *
     * @param registryFile the registry database file, absolute (resolve it against the run's working directory
     *                     first); the lock file, {@code sqlitch-<sha1 of its real path>.lock} in the temporary
     *                     directory, is created if needed and left in place (deleting it would race with a
     *                     waiting process)
     * @param destination  how Sqitch names the database in messages (the target URI, e.g. {@code db:sqlite:flipr.db})
     * @param timeout      how long to wait for another holder
     * @param out          gets Sqitch's "Blocked by another instance..." line (info) when the lock is taken
     * @throws SqitchException with Sqitch's "Timed out waiting..." message on timeout
     */
    public static DatabaseLock acquire(Path registryFile, String destination, Duration timeout, Output out) {
        if (!registryFile.isAbsolute()) {
            throw new IllegalArgumentException("registry file must be absolute: " + registryFile);
        }
        Path lockFile = lockFileFor(registryFile);
        Semaphore semaphore = IN_JVM.computeIfAbsent(lockFile, k -> new Semaphore(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        try {
            if (!semaphore.tryAcquire()) {
                told = tell(out, destination, timeout);
                if (!semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw timedOut(destination, timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(destination, timeout);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long delayMillis = 10; // Sqitch backs off exponentially from 10 ms, capped at 10 s
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // cannot happen while we hold the semaphore; treat as busy
                }
                if (lock != null) {
                    return new DatabaseLock(semaphore, channel, lock);
                }
                if (!told) {
                    told = tell(out, destination, timeout);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut(destination, timeout);
                }
                Thread.sleep(Math.min(delayMillis, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                delayMillis = Math.min(delayMillis * 2, 10_000);
            }
        } catch (IOException e) {
            release(semaphore, channel);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            release(semaphore, channel);
            Thread.currentThread().interrupt();
            throw timedOut(destination, timeout);
        } catch (RuntimeException e) {
            release(semaphore, channel);
            throw e;
        }
    }

    /** The lock file of a registry: one per real registry path, shared by every process on this machine. */
    static Path lockFileFor(Path registryFile) {
        Path file = registryFile.normalize();
        Path dir = file.getParent();
        try {
            // Two spellings of one directory (a symlink, "a/../b") must meet on one lock.
            file = dir.toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            // A missing directory fails when the database is opened; the normalised path is as good here.
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(file.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "sqlitch-" + HexFormat.of().formatHex(digest) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }

    private static void release(Semaphore semaphore, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a lock file we failed to lock: nothing to undo
        } finally {
            semaphore.release();
        }
    }

    private static boolean tell(Output out, String destination, Duration timeout) {
        out.info("Blocked by another instance of Sqitch working on " + destination + "; waiting "
                + seconds(timeout) + " seconds...");
        return true;
    }

    private static SqitchException timedOut(String destination, Duration timeout) {
        return new SqitchException("Timed out waiting " + seconds(timeout)
                + " seconds for another instance of Sqitch to finish work on " + destination);
    }

    /** The timeout as Sqitch prints its number: whole seconds without a fraction. */
    static String seconds(Duration timeout) {
        return new BigDecimal(timeout.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // the channel close below releases it anyway
        } finally {
            release(semaphore, channel);
        }
    }
}
