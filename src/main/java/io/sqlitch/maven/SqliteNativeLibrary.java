package io.sqlitch.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.maven.plugin.logging.Log;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

/**
 * Loads sqlite-jdbc's native library from a per-user cache ({@code ~/.cache/sqlitch/}) where it is extracted once.
 * Left alone, sqlite-jdbc runs {@code uname -o} and writes a fresh copy of the 1 MB library into the temporary
 * directory on every run: about a tenth of a second of each goal's start-up.
 *
 * <p>The driver reads {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name} only while it loads, once per class
 * loader: they are set around that load and restored at once, so another plugin's sqlite-jdbc in the same Maven
 * never sees them. Anything unexpected (no home, a read-only disk, a library that does not load) leaves the
 * driver's own extraction to do its work as before.
 */
final class SqliteNativeLibrary {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static final Object LOCK = new Object();

    private SqliteNativeLibrary() {
    }

    /** {@code $XDG_CACHE_HOME/sqlitch}, else {@code ~/.cache/sqlitch}. */
    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("sqlitch");
    }

    /** Loads the library from {@code cacheRoot}, extracting it there first if needed; never fails the goal. */
    static void load(Path cacheRoot, Log log) {
        synchronized (LOCK) {
            if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
                return; // the user's own choice
            }
            try {
                Path library = cached(cacheRoot);
                if (library == null) {
                    return;
                }
                System.setProperty(PATH, library.getParent().toString());
                System.setProperty(NAME, library.getFileName().toString());
                try {
                    SQLiteJDBCLoader.initialize();
                } finally {
                    System.clearProperty(PATH);
                    System.clearProperty(NAME);
                }
            } catch (Exception | LinkageError e) {
                log.debug("sqlite-jdbc's native library not loaded from " + cacheRoot + ": " + e);
            }
        }
    }

    /** The cached library of this driver version and platform, extracted now if missing; null if there is none. */
    static Path cached(Path cacheRoot) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        // musl and glibc Linux share os.name and os.arch but not a library (a home shared with a container).
        String key = "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.name") + "-"
                + System.getProperty("os.arch") + (OSInfo.isMusl() ? "-musl" : "");
        Path dir = cacheRoot.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_"));
        Path library = dir.resolve(name);
        if (Files.isRegularFile(library)) {
            return library;
        }
        // Only now ask the driver which of its libraries fits this machine (this is what runs uname).
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            createPrivateDirectories(dir);
            // A temporary file then a rename: a run that is killed, or one running beside, never sees half a file.
            Path part = Files.createTempFile(dir, name, ".part");
            try {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another run won the race with the same bytes
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return library;
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another run
        }
    }
}
