package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Positional arguments of the commands that connect to a database, classified as Sqitch's {@code parse_args} does
 * (change, target name, URI, engine, plan file, else unknown), compared with real sqitch step by step.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class PositionalArgumentsDifferentialTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSqitch() {
        RealSqitch.assumeSqitchAndSqlite3();
    }

    private static final String CONF = "[core]\n\tengine = sqlite\n[engine \"sqlite\"]\n\ttarget = db:sqlite:flipr.db\n"
            + "[target \"other\"]\n\turi = db:sqlite:other.db\n";

    private void replay(String... steps) {
        replayWith(CONF, steps);
    }

    private void replayWith(String conf, String... steps) {
        EngineProject theirs = new EngineProject(tmp.resolve("theirs"));
        theirs.add("users", "").add("flips", "users");
        theirs.write("sqitch.conf", conf);
        theirs.write("sub/README", "a directory for databases\n");
        EngineProject ours = theirs.copyTo(tmp.resolve("ours"));
        for (String step : steps) {
            String[] args = step.split(" ");
            RealSqitch.Result expected = theirs.sqitch(args);
            RealSqitch.Result actual = ours.oursCli(args);
            assertEquals(text(expected), text(actual), "step " + step);
            assertEquals(theirs.dump("sqitch.db"), ours.dump("sqitch.db"), "registry after " + step);
            for (String db : new String[] {"flipr.db", "other.db", "x.db", "y.db"}) {
                assertEquals(Files.exists(theirs.dir.resolve(db)), Files.exists(ours.dir.resolve(db)),
                        db + " exists after " + step);
            }
        }
    }

    /** Exit value, stdout and stderr, with the deploy times (which differ between the two runs) masked. */
    static String text(RealSqitch.Result r) {
        return (r.exitValue() + "\n" + r.stdout() + "--stderr--\n" + r.stderr())
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}", "<DATE>");
    }

    @Test
    void unknownWordsAreUnknownArguments() {
        replay("status nosuchtarget", "log nosuchtarget", "check nosuchtarget", "upgrade nosuchtarget",
                "verify nosuchtarget", "deploy nosuchtarget", "revert -y nosuchtarget", "status a b",
                "log nosuch db:sqlite:x.db other");
    }

    @Test
    void severalTargetsWarnAndUseTheFirst() {
        replay("deploy", "status db:sqlite:flipr.db other", "log other db:sqlite:flipr.db",
                "check db:sqlite:flipr.db other", "upgrade db:sqlite:flipr.db other",
                "verify db:sqlite:flipr.db other", "status sqlite other", "status sqitch.plan other");
    }

    @Test
    void changesTargetsAndEnginesMix() {
        replay("deploy", "status users", "status other users", "log users", "check users flips",
                "check db:sqlite:flipr.db users flips users", "verify users flips users", "status sqlite",
                "upgrade sqlite", "status other");
    }

    @Test
    void registryMessagesNameTheRegistry() {
        replay("log", "check", "verify", "revert -y", "status", "log db:sqlite:x.db", "check other",
                "status other", "log", "status", "check", "verify", "deploy --to users", "log other",
                "log db:sqlite:sub/x.db", "check db:sqlite:sub/x.db", "verify db:sqlite:sub/x.db",
                "status db:sqlite:sub/x.db", "status db:sqlite:", "log db:sqlite:", "check db:sqlite:",
                "verify db:sqlite:", "revert -y db:sqlite:");
    }

    @Test
    void noTargetConfiguredIsAnEmptyDatabase() {
        replayWith("[core]\n\tengine = sqlite\n", "status", "log", "check", "verify", "revert -y", "status users");
    }

    /** What deploy and status publish as build properties reads sqlitch.target as the goal did (here an engine). */
    @Test
    void currentStateReadsTheTargetAsThePositionalWasRead() {
        EngineProject p = new EngineProject(tmp.resolve("state")).add("users", "");
        assertEquals(0, p.oursCli("deploy").exitValue());
        String[] name = new String[3];
        assertEquals(0, p.ours(ctx -> {
            name[0] = new StatusCommand(ctx).currentState("sqlite").orElseThrow().name();
            name[1] = new StatusCommand(ctx).currentState("db:sqlite:flipr.db").orElseThrow().name();
            name[2] = new StatusCommand(ctx).currentState(null).orElseThrow().name();
            return CommandResult.ok();
        }).exitValue());
        assertEquals("users users users", String.join(" ", name));
    }
}
