package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the same steps with real sqitch and with our commands on two copies of one project, and compares
 * stdout, stderr, exit value, and the registry and database dumps after every step.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class DeployRevertVerifyDifferentialTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSqitch() {
        RealSqitch.assumeSqitchAndSqlite3();
    }

    /** Builds the project twice, runs each step on both, and asserts equal results. */
    private void replay(Consumer<EngineProject> build, String... steps) {
        EngineProject theirs = new EngineProject(tmp.resolve("theirs"));
        build.accept(theirs);
        EngineProject ours = theirs.copyTo(tmp.resolve("ours"));
        List<String> failures = new ArrayList<>();
        for (String step : steps) {
            String[] args = step.split(" ");
            RealSqitch.Result expected = theirs.sqitch(args);
            RealSqitch.Result actual = ours.oursCli(args);
            assertEquals(expected.exitValue() + "\n" + expected.stdout() + "--stderr--\n"
                    + RealSqitch.withoutPerlLocations(expected.stderr()),
                    actual.exitValue() + "\n" + actual.stdout() + "--stderr--\n" + actual.stderr(), "step " + step);
            assertEquals(theirs.dump("sqitch.db"), ours.dump("sqitch.db"), "registry after " + step);
            assertEquals(theirs.dump("flipr.db"), ours.dump("flipr.db"), "database after " + step);
        }
    }

    private static void flipr(EngineProject p) {
        p.add("users", "").add("flips", "users").tag("v1.0").add("userflips", "users flips").add("lists", "");
    }

    @Test
    void deployVerifyRevertAndRedeployLikeSqitch() {
        replay(DeployRevertVerifyDifferentialTest::flipr,
                "deploy --to flips", "deploy --to flips", "deploy --to users", "deploy", "deploy", "verify",
                "verify --from flips --to userflips", "revert -y --to @v1.0", "revert -y --to @v1.0",
                "verify", "revert -y --to lists", "revert -y --to nosuch", "deploy --to @v1.0",
                "revert -y", "revert -y", "deploy --verify");
    }

    @Test
    void failingDeployInModeAllRevertsTheRun() {
        replay(p -> {
            flipr(p);
            p.add("bad", "", "BEGIN;\nCREATE TABLE bad (id INTEGER);\nbogus;\nCOMMIT;\n", "DROP TABLE bad;\n", "");
        }, "deploy --to users", "deploy", "deploy --mode all", "revert -y");
    }

    @Test
    void failingDeployInModeTagRevertsToTheLastTag() {
        replay(p -> {
            flipr(p);
            p.add("bad", "", "BEGIN;\nbogus;\nCOMMIT;\n", "SELECT 1;\n", "");
        }, "deploy --mode tag", "deploy --mode change", "deploy --mode tag");
    }

    @Test
    void failingVerifyDuringDeployRevertsTheChange() {
        replay(p -> {
            p.add("users", "").add("flips", "users", "BEGIN;\nCREATE TABLE flips (id INTEGER);\nCOMMIT;\n",
                    "BEGIN;\nDROP TABLE flips;\nCOMMIT;\n", "BEGIN;\nSELECT nosuch FROM flips;\nROLLBACK;\n");
        }, "deploy --verify", "deploy --verify --mode change", "deploy", "verify");
    }

    @Test
    void scriptsWithTheirOwnTransactionsRunLikeSqitch() {
        replay(p -> {
            p.add("users", "", "CREATE TABLE users (id INTEGER);\nBEGIN;\nCREATE TABLE t2 (x);\nCOMMIT;\n",
                    "DROP TABLE t2;\nDROP TABLE users;\n", "SELECT id FROM users WHERE 0;\n");
            p.add("flips", "users", "BEGIN;\nCREATE TABLE flips (id INTEGER);\nCOMMIT;\nSELECT nosuch;\n",
                    "DROP TABLE flips;\n", "");
        }, "deploy --verify", "deploy --mode change", "verify", "revert -y");
    }

    @Test
    void failingRevertScriptStopsWithTheChangeDeployed() {
        replay(p -> {
            p.add("users", "").add("flips", "users", "BEGIN;\nCREATE TABLE flips (id INTEGER);\nCOMMIT;\n",
                    "BEGIN;\nbogus;\nCOMMIT;\n", "");
        }, "deploy", "revert -y", "verify");
    }

    /** A missing deploy script follows Sqitch 1.6.1 (VersionDifferencesTest); missing verify scripts agree. */
    @Test
    void missingScriptsFailAsTheClientDoes() {
        replay(p -> {
            p.add("users", "");
            p.add("ghost", "", "", "", "");
            try {
                java.nio.file.Files.delete(p.dir.resolve("verify/ghost.sql"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "deploy --verify", "deploy --log-only --verify", "verify", "revert -y");
    }

    @Test
    void dependencyChecksFailWithSqitchsMessages() {
        replay(p -> {
            p.add("a", "").add("b", "!a").add("c", "otherproj:x");
        }, "deploy --to a", "deploy", "revert -y", "deploy --to b", "deploy --to c");
    }

    @Test
    void revertRefusesToBreakRequiringChanges() {
        replay(p -> p.add("users", "").add("flips", "users"), "deploy", "revert -y --to users", "verify --to users",
                "verify --from flips", "verify nosuch", "deploy --to users");
    }

    @Test
    void nothingDeployedOutcomes() {
        replay(DeployRevertVerifyDifferentialTest::flipr, "revert -y", "verify", "deploy --to nosuch",
                "deploy db:sqlite:nodir/x.db", "revert db:sqlite:nodir/x.db", "verify db:sqlite:nodir/x.db",
                "deploy db:sqlite:", "revert -y db:sqlite:", "verify db:sqlite:", "deploy --mode bogus",
                "deploy --to users",
                "revert -y --to users", "revert -y", "revert -y", "verify");
    }

    @Test
    void rebaseRevertsThenDeploys() {
        replay(DeployRevertVerifyDifferentialTest::flipr, "rebase -y", "deploy", "rebase -y --onto @v1.0",
                "rebase -y --onto users --upto flips", "rebase --onto @HEAD", "rebase -y --mode tag");
    }

    @Test
    void registryInsideTheTargetDatabase() {
        replay(p -> {
            flipr(p);
            p.write("sqitch.conf", "[core]\n\tengine = sqlite\n[engine \"sqlite\"]\n\ttarget = db:sqlite:flipr.db\n"
                    + "\tregistry = flipr\n");
            p.add("bad", "", "BEGIN;\nbogus;\nCOMMIT;\n", "SELECT 1;\n", "");
        }, "deploy --to lists", "deploy", "verify", "revert -y --to users", "revert -y");
    }

    @Test
    void crossProjectRequiresAreCheckedInTheSharedRegistry() {
        EngineProject[] theirs = crossProject(tmp.resolve("theirs"));
        EngineProject[] ours = crossProject(tmp.resolve("ours"));
        String[][] steps = {{"0", "deploy"}, {"1", "deploy"}, {"0", "deploy"}, {"1", "revert -y"},
                {"0", "revert -y"}, {"1", "revert -y"}};
        for (String[] step : steps) {
            int i = Integer.parseInt(step[0]);
            String[] args = step[1].split(" ");
            RealSqitch.Result expected = theirs[i].sqitch(args);
            RealSqitch.Result actual = ours[i].oursCli(args);
            assertEquals(expected.exitValue() + "\n" + expected.stdout() + "--stderr--\n"
                    + RealSqitch.withoutPerlLocations(expected.stderr()),
                    actual.exitValue() + "\n" + actual.stdout() + "--stderr--\n" + actual.stderr(),
                    "step " + step[0] + " " + step[1]);
            assertEquals(theirs[0].dump("sqitch.db"), ours[0].dump("sqitch.db"), "registry after " + step[1]);
        }
    }

    private static EngineProject[] crossProject(Path root) {
        EngineProject flipr = new EngineProject(root);
        flipr.add("users", "").add("c", "otherproj:x users");
        EngineProject other = new EngineProject(root.resolve("o"), "otherproj", "../../flipr/flipr.db");
        other.add("x", "");
        return new EngineProject[] {flipr, other};
    }
}
