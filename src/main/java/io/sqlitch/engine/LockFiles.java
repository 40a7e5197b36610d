package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** The file side of {@link DatabaseLock}: opening, claiming and removing {@code <registry>.lock}. */
final class LockFiles {

    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private LockFiles() {
    }

    /** Opens (creating) the lock file, never through a symbolic link, never anything but a regular file. */
    static FileChannel open(Path lockFile) throws IOException {
        requireRegularOrAbsent(lockFile);
        return FileChannel.open(lockFile, OPEN, permissionsOf(lockFile.getParent()));
    }

    /**
     * True when the path still names the file we locked (its last holder did not remove it before we got it).
     * No second descriptor may be opened on a locked file (closing it would drop this process's POSIX lock), so
     * the file is told apart by its size: set through our descriptor to two random values in turn (a sparse
     * file, no disk used), each seen through the path; then emptied again.
     */
    static boolean claim(Path lockFile, FileChannel channel) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        try {
            for (int round = 0; round < 2; round++) {
                long size = 1 + random.nextLong(1L << 40);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
                if (Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size()
                        != size) {
                    return false;
                }
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } finally {
            channel.truncate(0);
        }
    }

    static void remove(Path lockFile) throws IOException {
        Files.deleteIfExists(lockFile);
    }

    private static void requireRegularOrAbsent(Path lockFile) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new SqitchException("Lock file " + lockFile + " is not a regular file ("
                    + (attributes.isDirectory() ? "a directory" : attributes.isSymbolicLink() ? "a symbolic link"
                    : "a special file") + "); remove it, then run again");
        }
    }

    /** The directory's permissions without execute bits (the umask applies on top); none off POSIX. */
    private static FileAttribute<?>[] permissionsOf(Path directory) {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(directory));
            perms.removeAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
        } catch (UnsupportedOperationException | IOException | IllegalArgumentException e) {
            return new FileAttribute<?>[0];
        }
    }

    /** An I/O failure on the lock file as a message naming it. */
    static SqitchException failure(Path lockFile, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
        return new SqitchException("Cannot lock " + lockFile + ": " + reason, e);
    }
}
