package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One deploy/revert at a time per database: across processes through a lock on {@code <registry>.lock} beside the
 * registry ({@code sqitch.db.lock}), which every JVM and container sharing that directory sees and which only
 * those who may write the registry can create, and across threads of this JVM, where file locks do not help (the
 * JVM holds them per process). Never the SQLite file itself: closing another descriptor on it would drop
 * SQLite's own POSIX locks.
 *
 * <p>The lock file is created without following a symbolic link, with the registry directory's permissions (less
 * the execute bits); an existing lock path that is not a regular file is an error naming it. A lock taken on a
 * file another holder has since removed does not count (see {@link LockFiles#claim}), and is taken again. The last holder removes the file when it leaves (while still
 * holding it), so Sqitch and this plugin leave the same files; a crash leaves a stale file, which locks nothing.
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
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DatabaseLock(Semaphore semaphore, Path lockFile, FileChannel channel, FileLock fileLock) {
        this.semaphore = semaphore;
        this.lockFile = lockFile;
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
     *                     first); its directory must exist
     * @param destination  how Sqitch names the database in messages (the target URI, e.g. {@code db:sqlite:flipr.db})
     * @param timeout      how long to wait for another holder
     * @param out          gets Sqitch's "Blocked by another instance..." line (info) when the lock is taken
     * @throws SqitchException with Sqitch's "Timed out waiting..." message on timeout, or naming a lock file that
     *                         cannot be used
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
            long delayMillis = 10; // Sqitch backs off exponentially from 10 ms, capped at 10 s
            while (true) {
                channel = LockFiles.open(lockFile);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // cannot happen while we hold the semaphore; treat as busy
                }
                if (lock != null) {
                    if (LockFiles.claim(lockFile, channel)) {
                        return new DatabaseLock(semaphore, lockFile, channel, lock);
                    }
                    // We locked a file its last holder has removed: try again on the one the path names now.
                    channel.close();
                    channel = null;
                    continue;
                }
                channel.close();
                channel = null;
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
            throw LockFiles.failure(lockFile, e);
        } catch (InterruptedException e) {
            release(semaphore, channel);
            Thread.currentThread().interrupt();
            throw timedOut(destination, timeout);
        } catch (RuntimeException e) {
            release(semaphore, channel);
            throw e;
        }
    }

    /** The lock file of a registry: {@code <registry>.lock} in the registry's real directory. */
    static Path lockFileFor(Path registryFile) {
        Path file = registryFile.normalize();
        Path dir = file.getParent();
        try {
            // Two spellings of one directory (a symlink, "a/../b") must meet on one lock.
            dir = dir.toRealPath();
        } catch (IOException e) {
            // A missing directory fails when the lock file is created, naming it.
        }
        return dir.resolve(file.getFileName() + ".lock");
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
            // Removed while still held: a waiter that then locks the removed file sees it is no longer the
            // path's and takes the lock again on a new one.
            LockFiles.remove(lockFile);
            fileLock.release();
        } catch (IOException ignored) {
            // the channel close below releases it anyway
        } finally {
            release(semaphore, channel);
        }
    }
}
