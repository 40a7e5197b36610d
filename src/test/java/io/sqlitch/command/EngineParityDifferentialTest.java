package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last engine differences with Sqitch 1.3.1, step by step against real sqitch: output, exit value, registry and
 * database dumps, and whether the target database file exists at all.
 */
class EngineParityDifferentialTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSqitch() {
        Assumptions.assumeTrue(RealSqitch.available() && Files.isExecutable(Path.of("/usr/bin/sqlite3")),
                "real sqitch not installed");
    }

    private void replay(Consumer<EngineProject> build, String... steps) {
        EngineProject theirs = new EngineProject(tmp.resolve("theirs"));
        build.accept(theirs);
        EngineProject ours = theirs.copyTo(tmp.resolve("ours"));
        for (String step : steps) {
            String[] args = step.split(" ");
            RealSqitch.Result expected = theirs.sqitch(args);
            RealSqitch.Result actual = ours.oursCli(args);
            assertEquals(PositionalArgumentsDifferentialTest.text(expected),
                    PositionalArgumentsDifferentialTest.text(actual), "step " + step);
            assertEquals(Files.exists(theirs.dir.resolve("flipr.db")), Files.exists(ours.dir.resolve("flipr.db")),
                    "flipr.db exists after " + step);
            assertEquals(theirs.dump("sqitch.db"), ours.dump("sqitch.db"), "registry after " + step);
            assertEquals(theirs.dump("flipr.db"), ours.dump("flipr.db"), "database after " + step);
        }
    }

    /** At -vv Sqitch lets the verify scripts' output through (1.3.1 shows nothing else for SQLite). */
    @Test
    void verbosityShowsWhatSqitchShows() {
        replay(p -> {
            p.add("a", "", "CREATE TABLE a (id INTEGER);\nSELECT 'deploy-a';\n", "DROP TABLE a;\nSELECT 'revert-a';\n",
                    "SELECT 'verify-a';\nSELECT 1, 2;\n");
            p.add("b", "a");
        }, "-vv deploy --verify", "-v verify", "-vv verify", "verify", "-vv revert -y --to a", "-v deploy --verify",
                "-vv revert -y", "-v deploy", "-vv verify a");
    }

    @Test
    void logOnlyCreatesNoDatabaseFile() {
        replay(p -> p.add("users", "").add("flips", "users"), "deploy --log-only --to users", "deploy --log-only",
                "revert -y --log-only", "deploy --log-only --verify");
    }

    @Test
    void refusedCrossProjectRequirementCreatesNoDatabaseFile() {
        replay(p -> p.add("users", "").add("c", "otherproj:x"), "deploy", "deploy --to users", "deploy");
    }
}
