package io.sqlitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.config.ConfigFile;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.plan.PlanWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewrites keep what Sqitch's in-place writes keep: the file's mode, its symlink, the umask's mode for a new file. */
class FileWriteTest {

    @TempDir
    Path dir;

    @Test
    void aRewriteKeepsTheModeOfTheFile() throws IOException {
        Path conf = dir.resolve("sqitch.conf");
        Files.writeString(conf, "[core]\n\tengine = sqlite\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-rw-r--"));
        new ConfigFile(conf, "sqitch.conf").set("core.verbosity", "1");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)));
        assertEquals("[core]\n\tengine = sqlite\n\tverbosity = 1\n", Files.readString(conf));
    }

    @Test
    void aNewFileGetsTheUmasksModeNotATempFilesMode() throws IOException {
        // The reference: a file created the ordinary way, as Perl's open() creates one.
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close();
        Path plan = dir.resolve("sqitch.plan");
        FileWrite.atomically(plan, "%syntax-version=1.0.0\n%project=p\n\n");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(plan));
        assertTrue(Files.getPosixFilePermissions(plan).size() > 2, "more than the temp file's rw-------");
    }

    @Test
    void aSymlinkedPlanStaysALinkAndItsTargetIsWritten() throws IOException {
        Path real = Files.createDirectories(dir.resolve("shared")).resolve("real.plan");
        Files.writeString(real, "%syntax-version=1.0.0\n%project=p\n\n");
        Path link = dir.resolve("sqitch.plan");
        Files.createSymbolicLink(link, Path.of("shared/real.plan"));
        var plan = PlanParser.parseFile(link, "sqitch.plan");
        PlanWriter.write(PlanWriter.addChange(plan, "users", List.of(), List.of(), "note",
                new io.sqlitch.plan.Planner("A", "a@example.com"), java.time.Instant.parse("2024-01-01T00:00:00Z")), link);
        assertTrue(Files.isSymbolicLink(link), "still a symlink");
        assertTrue(Files.readString(real).contains("users "), Files.readString(real));
        try (var files = Files.list(dir.resolve("shared"))) {
            assertEquals(List.of(real), files.toList(), "no temp file left behind");
        }
    }
}
