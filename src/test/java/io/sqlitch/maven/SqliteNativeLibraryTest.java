package io.sqlitch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {

    @TempDir
    Path cache;

    @Test
    void extractsTheDriversLibraryOnceIntoAPrivateDirectory() throws Exception {
        Path library = SqliteNativeLibrary.cached(cache);
        assertNotNull(library);
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertTrue(java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(library)));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent())));
        assertEquals(1, Files.list(library.getParent()).count()); // no temporary file left behind

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, old);
        assertEquals(library, SqliteNativeLibrary.cached(cache));
        assertEquals(old, Files.getLastModifiedTime(library)); // not written again
    }

    @Test
    void loadingLeavesNoGlobalPropertyAndTheDriverWorks() throws Exception {
        SqliteNativeLibrary.load(cache, new SystemStreamLog());
        assertNull(System.getProperty("org.sqlite.lib.path"));
        assertNull(System.getProperty("org.sqlite.lib.name"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            assertTrue(rs.next());
        }
    }
}
