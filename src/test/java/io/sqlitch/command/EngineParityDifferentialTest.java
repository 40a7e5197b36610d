package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last engine differences with Sqitch 1.3.1, step by step against real sqitch: output, exit value, registry and
 * database dumps, and whether the target database file exists at all.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class EngineParityDifferentialTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSqitch() {
        RealSqitch.assumeSqitchAndSqlite3();
    }

    private void replay(Consumer<EngineProject> build, String... steps) {
        EngineProject theirs = new EngineProject(tmp.resolve("theirs"));
        build.accept(theirs);
        EngineProject ours = theirs.copyTo(tmp.resolve("ours"));
        replay(theirs, ours, steps);
    }

    private static void replay(EngineProject theirs, EngineProject ours, String... steps) {
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

    /**
     * A reworked change deployed twice, then the plan cut back to before the rework: the later instance is no longer
     * in the plan, and Sqitch finds both instances' scripts from the registry (the earlier one as x@v1).
     */
    @Test
    void changesNoLongerPlannedUseTheirRegistryReworkTags() throws Exception {
        EngineProject theirs = new EngineProject(tmp.resolve("theirs"));
        theirs.add("x", "", "CREATE TABLE x1 (id INTEGER);\n", "DROP TABLE x1;\n", "SELECT 'verify-x1' FROM x1;\n");
        theirs.tag("v1");
        for (String dir : new String[] {"deploy", "revert", "verify"}) {
            Files.copy(theirs.dir.resolve(dir + "/x.sql"), theirs.dir.resolve(dir + "/x@v1.sql"));
        }
        String cut = Files.readString(theirs.dir.resolve("sqitch.plan"));
        theirs.add("x", "x@v1", "CREATE TABLE x2 (id INTEGER);\n", "DROP TABLE x2;\n", "SELECT 'verify-x2' FROM x2;\n");
        theirs.tag("v2").add("y", "");
        EngineProject ours = theirs.copyTo(tmp.resolve("ours"));
        replay(theirs, ours, "deploy", "-vv verify");
        theirs.write("sqitch.plan", cut);
        ours.write("sqitch.plan", cut);
        replay(theirs, ours, "-vv verify", "revert -y --to x", "-vv verify", "deploy", "revert -y");
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
