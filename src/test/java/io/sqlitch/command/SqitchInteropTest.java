package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our engine and real sqitch take turns on one database: each sees and continues the other's work. */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class SqitchInteropTest {

    @TempDir
    Path tmp;

    private static EngineProject flipr(Path root) {
        EngineProject p = new EngineProject(root);
        p.add("users", "").add("flips", "users").tag("v1.0").add("userflips", "users flips").add("lists", "users");
        return p;
    }

    private static void ok(RealSqitch.Result r) {
        assertEquals(0, r.exitValue(), r.stdout() + r.stderr());
    }

    @Test
    void sqitchReadsVerifiesAndRevertsWhatWeDeployed() {
        RealSqitch.assumeSqitch();
        EngineProject p = flipr(tmp);
        ok(p.oursCli("deploy", "--verify"));
        RealSqitch.Result status = p.sqitch("status");
        ok(status);
        assertTrue(status.stdout().contains("# Name:     lists\n"), status.stdout());
        assertTrue(status.stdout().endsWith("Nothing to deploy (up-to-date)\n"), status.stdout());
        RealSqitch.Result log = p.sqitch("log", "--format", "format:%e %H %n");
        ok(log);
        assertEquals(String.join("\n", "On database db:sqlite:flipr.db",
                "deploy " + id(p, "lists") + " lists", "deploy " + id(p, "userflips") + " userflips",
                "deploy " + id(p, "flips") + " flips", "deploy " + id(p, "users") + " users") + "\n",
                log.stdout());
        ok(p.sqitch("verify"));
        RealSqitch.Result revert = p.sqitch("revert", "-y", "--to", "@v1.0");
        ok(revert);
        assertEquals("Reverting changes to flips @v1.0 from db:sqlite:flipr.db\n  - lists ...... ok\n"
                + "  - userflips .. ok\n", revert.stdout());
        ok(p.sqitch("revert", "-y"));
        assertEquals("Nothing to revert (nothing deployed)\n", p.oursCli("revert", "-y").stdout());
    }

    @Test
    void weContinueWhatSqitchDeployed() {
        RealSqitch.assumeSqitch();
        EngineProject p = flipr(tmp);
        ok(p.sqitch("deploy", "--to", "@v1.0"));
        RealSqitch.Result deploy = p.oursCli("deploy");
        ok(deploy);
        assertEquals("Deploying changes to db:sqlite:flipr.db\n  + userflips .. ok\n  + lists ...... ok\n",
                deploy.stdout());
        ok(p.oursCli("verify"));
        ok(p.sqitch("verify"));
        RealSqitch.Result revert = p.oursCli("revert", "-y", "--to", "@v1.0");
        ok(revert);
        assertEquals("Reverting changes to flips @v1.0 from db:sqlite:flipr.db\n  - lists ...... ok\n"
                + "  - userflips .. ok\n", revert.stdout());
        RealSqitch.Result status = p.sqitch("status");
        ok(status);
        assertTrue(status.stdout().contains("# Name:     flips\n# Tag:      @v1.0\n"), status.stdout());
        assertTrue(status.stdout().endsWith("Undeployed changes:\n  * userflips\n  * lists\n"), status.stdout());
        ok(p.sqitch("deploy"));
        ok(p.oursCli("revert", "-y"));
        ok(p.sqitch("log"));
    }

    private static String id(EngineProject p, String change) {
        return io.sqlitch.plan.PlanParser.parseFile(p.dir.resolve("sqitch.plan"), "sqitch.plan").get(change)
                .orElseThrow().id();
    }
}
