package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revert --modified} and {@code rebase --modified} against real sqitch: the same steps on two copies of one
 * project, with deploy scripts edited in between; stdout, stderr, exit value and both dumps must match.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class ModifiedDifferentialTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSqitch() {
        RealSqitch.assumeSqitchAndSqlite3();
    }

    /** Steps are sqitch command lines, or {@code edit <change>}: append a comment to its deploy script in both. */
    private void replay(String... steps) {
        EngineProject theirs = new EngineProject(tmp.resolve("theirs"));
        theirs.add("users", "").add("flips", "users").tag("v1.0").add("userflips", "users flips").add("lists", "");
        EngineProject ours = theirs.copyTo(tmp.resolve("ours"));
        int edits = 0;
        for (String step : steps) {
            String[] args = step.split(" ");
            if (args[0].equals("edit")) {
                String comment = "-- edit " + ++edits + "\n";
                append(theirs.dir.resolve("deploy/" + args[1] + ".sql"), comment);
                append(ours.dir.resolve("deploy/" + args[1] + ".sql"), comment);
                continue;
            }
            RealSqitch.Result expected = theirs.sqitch(args);
            RealSqitch.Result actual = ours.oursCli(args);
            assertEquals(expected.exitValue() + "\n" + expected.stdout() + "--stderr--\n"
                    + RealSqitch.withoutPerlLocations(expected.stderr()),
                    actual.exitValue() + "\n" + actual.stdout() + "--stderr--\n" + actual.stderr(), "step " + step);
            assertEquals(theirs.dump("sqitch.db"), ours.dump("sqitch.db"), "registry after " + step);
            assertEquals(theirs.dump("flipr.db"), ours.dump("flipr.db"), "database after " + step);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void revertModifiedRevertsToTheLastUnmodifiedChange() {
        replay("revert -y -m", "deploy", "deploy", "revert -y -m", "revert -y --modified lists",
                "edit userflips", "revert -y -m", "revert -y -m", "deploy", "edit users", "revert -y -m",
                "revert -y -m");
    }

    @Test
    void rebaseModifiedRedeploysFromTheFirstModifiedChange() {
        replay("deploy", "rebase -y -m", "edit flips", "rebase -y -m", "rebase -y -m flips",
                "edit lists", "rebase -y --modified @v1.0", "edit users", "rebase -y -m users flips",
                "rebase -y -m");
    }
}
