package io.sqlitch.command;

import java.util.function.Function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sqlitch.RunContext;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import io.sqlitch.testing.VersionDifferences;
import io.sqlitch.testing.VersionDifferences.Difference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded-output tests of the differences where the plugin follows Sqitch 1.6.1 ({@link VersionDifferences}): each
 * prints 1.6.1's text, fails with exit value 2 and leaves every file as it was. Where real 1.3.1 is installed, it is
 * shown to behave otherwise, so the list stays honest.
 */
class VersionDifferencesTest {

    @TempDir
    Path tmp;

    private EngineProject project() {
        return new EngineProject(tmp.resolve("p")).add("users", "").tag("v1").add("flips", "users");
    }

    /**
     * Runs our command; asserts exit 2 with the 1.6.1 text on stderr and no file changed (an engine may leave an
     * empty registry file, as Sqitch's connect does).
     */
    private static void refuses(EngineProject p, Difference d, Function<CommandContext, ? extends CommandResult<?>> command) {
        Map<String, String> before = AuthoringParityDifferentialTest.tree(p.dir);
        RealSqitch.Result r = p.ours(command);
        assertEquals("2\n\n" + d.text161() + "\n", r.exitValue() + "\n" + r.stdout() + "\n" + r.stderr(), d.what());
        Map<String, String> after = AuthoringParityDifferentialTest.tree(p.dir);
        Path registry = p.dir.resolve("sqitch.db");
        if (!before.containsKey("sqitch.db") && Files.exists(registry)) {
            assertEquals(0, registry.toFile().length(), "a new registry file is empty");
            after.remove("sqitch.db");
        }
        assertEquals(before, after, "files after " + d.what());
    }

    @Test
    void changeAndTagNamesWithBrackets() {
        EngineProject p = project();
        refuses(p, VersionDifferences.CHANGE_NAME, ctx -> new AddCommand(ctx).execute(
                AddOptions.of("w[1", null, null, "n")));
        refuses(p, new Difference("stricter than 1.6.1's regex", "1.5.0", VersionDifferences.CHANGE_NAME.text161()
                .replace("w[1", "x[y]z")), ctx -> new AddCommand(ctx).execute(AddOptions.of("x[y]z", null, null, "n")));
        refuses(p, VersionDifferences.TAG_NAME, ctx -> new TagCommand(ctx).execute(
                new TagOptions("v[1", null, List.of("n"), false, List.of())));
    }

    @Test
    void projectNameWithBrackets() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("init"));
        Capture capture = new Capture();
        RealSqitch.Result r = capture.run(() -> new InitCommand(new CommandContext(new RunContext(dir,
                RealSqitch.env(tmp), Clock.systemUTC(), tmp), null, capture, null)).execute(InitOptions.of("a[1", "sqlite")));
        assertEquals("2\n" + VersionDifferences.INIT_PROJECT.text161() + "\n", r.exitValue() + "\n" + r.stderr());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void plansWithBracketedNamesAreSyntaxErrors() {
        EngineProject p = project();
        p.write("sqitch.plan", "%syntax-version=1.0.0\n%project=flipr\n\n"
                + "w[1 2026-11-23T19:01:00Z Marge <marge@example.com> # n\n");
        refuses(p, VersionDifferences.PLAN_NAME, ctx -> new PlanCommand(ctx).execute(PlanOptions.defaults()));
        p.write("sqitch.plan", "%syntax-version=1.0.0\n%project=a[1\n\n");
        refuses(p, VersionDifferences.PLAN_PROJECT, ctx -> new DeployCommand(ctx).execute(
                DeployOptions.defaults()));
        assertFalse(Files.exists(p.dir.resolve("flipr.db")), "no database for an unreadable plan");
    }

    @Test
    void missingDeployScriptIsRefusedBeforeAnythingIsWritten() throws IOException {
        for (String args : List.of("", "--log-only", "--mode change")) {
            EngineProject p = new EngineProject(tmp.resolve("d" + args.length())).add("a", "").add("b", "a")
                    .add("c", "b");
            Files.delete(p.dir.resolve("deploy/b.sql"));
            refuses(p, VersionDifferences.DEPLOY_SCRIPT, ctx -> new DeployCommand(ctx).execute(
                    EngineProject.deploy(args.isEmpty() ? new String[0] : args.split(" "))));
            assertFalse(Files.exists(p.dir.resolve("flipr.db")), "no database file");
            assertEquals(0, p.ours(ctx -> new DeployCommand(ctx).execute(EngineProject.deploy("--to", "a")))
                    .exitValue(), "what precedes the missing script deploys");
        }
    }

    /** Sqitch 1.3.1 (the differential tests' oracle) accepts the bracketed names that 1.6.1 refuses. */
    @Test
    void realSqitch131AcceptsBracketedNames() {
        RealSqitch.assumeSqitch();
        EngineProject p = project();
        assertEquals(0, p.sqitch("add", "w[1", "-n", "n").exitValue());
        assertEquals(0, p.sqitch("tag", "v[1", "-n", "n").exitValue());
        assertEquals(0, p.sqitch("plan").exitValue());
        assertEquals(0, p.sqitch("init", "a[1", "--engine", "sqlite", "--plan-file", "other.plan").exitValue());
    }
}
