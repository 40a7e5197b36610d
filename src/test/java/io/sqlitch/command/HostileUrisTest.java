package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target URIs naming another engine, an unknown one, a query string, an escaped {@code ?} or an SQLite
 * {@code file:} name: deployed with our engine and with real Sqitch on copies of one project, both end with the
 * same exit value and the same files in the project; nothing of the URI reaches the driver as an option.
 */
class HostileUrisTest {

    @TempDir
    Path tmp;

    private static EngineProject project(Path root) {
        EngineProject p = new EngineProject(root);
        p.add("users", "");
        return p;
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> !f.equals(dir)).map(f -> dir.relativize(f).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private RealSqitch.Result compare(String uri, String... mustExist) throws Exception {
        String dirName = Integer.toHexString(uri.hashCode());
        EngineProject ours = project(tmp.resolve("ours-" + dirName));
        RealSqitch.Result o = ours.oursCli("deploy", uri);
        for (String f : mustExist) {
            assertTrue(Files.exists(ours.dir.resolve(f)), uri + ": " + f + " missing in " + files(ours.dir) + "\n" + o);
        }
        if (RealSqitch.available()) {
            EngineProject theirs = project(tmp.resolve("theirs-" + dirName));
            RealSqitch.Result s = theirs.sqitch("deploy", uri);
            assertEquals(s.exitValue(), o.exitValue(), uri + "\nsqitch " + s + "\nours " + o);
            assertEquals(files(theirs.dir), files(ours.dir), uri);
        }
        return o;
    }

    @Test
    void anotherEngineIsRefusedBeforeAnythingIsCreated() throws Exception {
        Set<String> before = files(project(tmp.resolve("fresh")).dir);
        for (String uri : List.of("db:pg://localhost/x", "db:mysql://localhost/x", "db:postgres:x")) {
            RealSqitch.Result r = compare(uri);
            assertEquals(2, r.exitValue(), r.toString());
            assertTrue(r.stderr().contains("is not supported by sqlitch-maven-plugin"), r.toString());
            assertEquals(before, files(tmp.resolve("ours-" + Integer.toHexString(uri.hashCode())).resolve("flipr")));
        }
    }

    @Test
    void anUnknownEngineGetsSqitchsNewestMessage() throws Exception {
        for (String uri : List.of("db:nosuch:test.db", "db:sqlit:x.db")) {
            RealSqitch.Result r = compare(uri);
            assertEquals(2, r.exitValue(), r.toString());
            String engine = uri.substring(3, uri.indexOf(':', 3));
            assertEquals("Unknown engine: " + engine + "\n", r.stderr(), r.toString());
        }
    }

    @Test
    void anUnknownCoreEngineIsRefusedToo() throws Exception {
        EngineProject p = project(tmp);
        p.write("sqitch.conf", "[core]\n\tengine = nosuch\n");
        RealSqitch.Result r = p.oursCli("deploy");
        assertEquals(2, r.exitValue(), r.toString());
        assertEquals("Unknown engine: nosuch\n", r.stderr());
        RealSqitch.Result status = p.ours(ctx -> new StatusCommand(ctx).execute(StatusOptions.defaults()));
        assertEquals(2, status.exitValue(), status.toString());
    }

    @Test
    void anEscapedQuestionMarkIsPartOfTheFileName() throws Exception {
        RealSqitch.Result r = compare("db:sqlite:test.db%3Fenable_load_extension=true",
                "test.db?enable_load_extension=true");
        assertEquals(0, r.exitValue(), r.toString());
        compare("db:sqlite:t3.db%3Fjournal_mode=OFF%26synchronous=OFF", "t3.db?journal_mode=OFF&synchronous=OFF");
    }

    @Test
    void aFileUriNamesItsPathAndItsParametersAreNoOptions() throws Exception {
        RealSqitch.Result r = compare("db:sqlite:file:t2.db?mode=ro", "t2.db", "sqitch.db");
        assertEquals(0, r.exitValue(), r.toString());
        compare("db:sqlite:t4.db?foo=bar", "t4.db", "sqitch.db");
    }

    @Test
    void extensionLoadingIsNeverEnabled() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("ext", "", "SELECT load_extension('/nonexistent/sqlitch-ext');\n", "", "");
        RealSqitch.Result r = p.oursCli("deploy", "db:sqlite:x.db%3Fenable_load_extension=true");
        assertEquals(2, r.exitValue(), r.toString());
        assertTrue(r.stderr().contains("not authorized"), r.toString());
    }
}
