package io.sqlitch.engine;

import java.nio.file.Path;
import java.time.Duration;

/** A child process for {@link DatabaseLockTest}: holds the lock on args[0] for args[1] milliseconds. */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (DatabaseLock lock = DatabaseLock.acquire(Path.of(args[0]), Duration.ofSeconds(30), new RecordingOutput())) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
            System.out.println("releasing");
            System.out.flush();
        }
    }
}
