package io.sqlitch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a whole file the safe way: a temporary file beside it, then an atomic rename, so a crash leaves either the
 * old or the new text. Unlike a plain temp-file rename it keeps what Sqitch's in-place write keeps: an existing
 * file's mode, a symlink (the write goes to its target), and for a new file the umask's mode (0644 under umask 022)
 * rather than a temp file's 0600.
 */
public final class FileWrite {

    private static final int MAX_LINKS = 40;

    private FileWrite() {
    }

    /** Writes {@code text} as UTF-8 to {@code path}; a failure is a {@link SqitchException} naming the file. */
    public static void atomically(Path path, String text) {
        atomically(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void atomically(Path path, byte[] bytes) {
        try {
            Path target = followLinks(path.toAbsolutePath());
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Set<PosixFilePermission> mode = existingMode(target);
            Path tmp = createTemp(dir, target.getFileName().toString());
            try {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                    out.write(bytes);
                }
                if (mode != null) {
                    Files.setPosixFilePermissions(tmp, mode);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SqitchException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file a chain of symlinks ends at (possibly not existing yet), so the rename replaces it, not the link. */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new IOException("Too many levels of symbolic links");
        }
        return p;
    }

    private static Set<PosixFilePermission> existingMode(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(target);
    }

    /** A new file created with default permissions, i.e. 0666 less the process umask (createTempFile gives 0600). */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int i = 0; ; i++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (i > 100) {
                    throw e;
                }
            }
        }
    }
}
