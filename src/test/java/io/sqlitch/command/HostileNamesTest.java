package io.sqlitch.command;

import java.util.function.Function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlitch.SqitchException;
import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change and tag names with path traversal, absolute paths, shell metacharacters and quotes, and SQL in notes
 * and planner names: rejected by Sqitch's name rules or stored verbatim (bound parameters); add, tag and rework
 * never write a file outside the project's deploy/revert/verify directories and its plan.
 */
class HostileNamesTest {

    static final List<String> NAMES = List.of("../evil", "x/../../evil", "x/../../../../../../tmp/sqlitch-evil",
            "/abs/evil", "a;rm -rf b", "a$(touch pwned)b", "a`id`b", "it's", "a\"b", "a'b;--", "a|b", "a&&b",
            "a>b", "a*b", "~root/x", "x/./y", "x//y", "..", ".", "x/..", "x\\y", "%(x)", "a\0b", "a\nb");
    static final String SQL = "x'); DROP TABLE changes; --";

    @TempDir
    Path tmp;

    private static Map<Path, Long> files(Path root) throws IOException {
        Map<Path, Long> out = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(p, Files.getLastModifiedTime(p).toMillis() ^ Files.size(p) * 31);
            }
        }
        return out;
    }

    /** Fails if a file outside the project's script directories and plan appeared or changed. */
    private void assertOnlyScriptsWritten(EngineProject p, Map<Path, Long> before, String what) throws IOException {
        Map<Path, Long> after = files(tmp);
        List<Path> scriptDirs = Stream.of("deploy", "revert", "verify").map(d -> p.dir.resolve(d)).toList();
        for (Map.Entry<Path, Long> e : after.entrySet()) {
            if (e.getValue().equals(before.get(e.getKey()))) {
                continue;
            }
            Path f = e.getKey().normalize();
            boolean allowed = f.equals(p.dir.resolve("sqitch.plan")) || scriptDirs.stream().anyMatch(f::startsWith);
            assertTrue(allowed, what + " wrote " + f);
        }
        assertTrue(Files.notExists(Path.of("/tmp/sqlitch-evil.sql")) && Files.notExists(Path.of("/abs")), what);
    }

    @Test
    void hostileNamesAreRejectedOrStayInsideTheScriptDirectories() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.write("../home/user.conf", "[user]\n\tname = \"Robert\\\"'); DROP TABLE changes;--\"\n"
                + "\temail = bobby@example.com\n");
        List<String> added = new ArrayList<>();
        int i = 0;
        for (String name : NAMES) {
            i++;
            Map<Path, Long> before = files(tmp);
            RealSqitch.Result r = run(p, name, ctx -> new AddCommand(ctx).execute(
                    AddOptions.of(name, List.of(), List.of(), SQL)));
            assertOnlyScriptsWritten(p, before, "add " + name);
            if (r.exitValue() == 0) {
                added.add(name);
                String tag = "t" + i;
                RealSqitch.Result t = run(p, tag, ctx -> new TagCommand(ctx).execute(TagOptions.of(tag, null, SQL)));
                assertEquals(0, t.exitValue(), t.toString());
                before = files(tmp);
                RealSqitch.Result rw = run(p, name, ctx -> new ReworkCommand(ctx).execute(
                        ReworkOptions.of(name, List.of(), List.of(), SQL)));
                assertOnlyScriptsWritten(p, before, "rework " + name);
                assertEquals(0, rw.exitValue(), rw.toString());
                // A rework must change the script: equal script hashes collide in the registry (in Sqitch too).
                Files.writeString(p.dir.resolve("deploy/" + name + ".sql"), "-- reworked\n",
                        java.nio.file.StandardOpenOption.APPEND);
            } else {
                assertTrue(r.stderr().contains("is invalid"), r.toString());
            }
            Map<Path, Long> beforeTag = files(tmp);
            run(p, name, ctx -> new TagCommand(ctx).execute(TagOptions.of(name, null, SQL)));
            assertOnlyScriptsWritten(p, beforeTag, "tag " + name);
        }
        // Slashes are legal in Sqitch change names (subdirectories); the traversing ones must not be.
        assertTrue(added.contains("a`id`b") && added.contains("it's") && added.contains("x//y"), added.toString());

        RealSqitch.Result deploy = p.oursCli("deploy", "--log-only");
        assertEquals(0, deploy.exitValue(), deploy.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p.dir.resolve("sqitch.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT change, note, committer_name, planner_name FROM changes")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertTrue(added.contains(rs.getString(1)), rs.getString(1));
                assertEquals(SQL, rs.getString(2));
                // As Sqitch's Config::GitLike reads it: the backslash before the quote stays.
                assertEquals("Robert\\\"'); DROP TABLE changes;--", rs.getString(3));
            }
            assertEquals(added.size() * 2, rows);
        }
        String plan = Files.readString(p.dir.resolve("sqitch.plan"), StandardCharsets.UTF_8);
        assertTrue(plan.contains("# " + SQL), plan);
    }

    private static RealSqitch.Result run(EngineProject p, String name, Function<CommandContext, ? extends CommandResult<?>> c) {
        try {
            return p.ours(c);
        } catch (RuntimeException e) {
            if (e instanceof SqitchException) {
                throw e;
            }
            fail("name " + name + " threw " + e, e);
            return null;
        }
    }
}
