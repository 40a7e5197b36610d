package io.sqlitch.command;

import java.util.function.Function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written plan whose change name climbs out of the script directories ({@code a/../../../elsewhere/evil}):
 * every verb refuses up front with a message naming the plan line, runs no script, creates no database, and writes
 * nothing outside the project (nor outside a bundle's destination).
 */
class HostilePlanPathsTest {

    static final String EVIL = "a/../../../elsewhere/evil";

    @TempDir
    Path tmp;

    private EngineProject p;
    private Path outside;

    @BeforeEach
    void project() throws Exception {
        p = new EngineProject(tmp);
        p.add("users", "");
        String plan = Files.readString(p.dir.resolve("sqitch.plan"), StandardCharsets.UTF_8);
        Files.writeString(p.dir.resolve("sqitch.plan"), plan + EVIL + " 2026-11-23T20:00:00Z "
                + EngineProject.PLANNER + " # Hand-written.\n@v1 2026-11-23T20:01:00Z " + EngineProject.PLANNER
                + " # Tag.\n", StandardCharsets.UTF_8);
        outside = tmp.resolve("elsewhere");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("evil.sql"), "CREATE TABLE evil (id INTEGER);\n");
    }

    private void refused(String what, Function<CommandContext, ? extends CommandResult<?>> command) throws Exception {
        RealSqitch.Result r = p.ours(command);
        assertEquals(2, r.exitValue(), what + ": " + r);
        assertTrue(r.stderr().contains("Change \"" + EVIL + "\" (sqitch.plan line 6) names a script outside"),
                what + ": " + r);
        assertFalse(Files.exists(p.dir.resolve("flipr.db")), what + " created the database");
        assertFalse(Files.exists(p.dir.resolve("sqitch.db")), what + " created the registry");
        try (var files = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("evil.sql")), files.toList(), what);
        }
    }

    @Test
    void everyVerbRefusesAClimbingChangeNameUpFront() throws Exception {
        refused("deploy", ctx -> new DeployCommand(ctx).execute(EngineProject.deploy()));
        refused("deploy --log-only", ctx -> new DeployCommand(ctx).execute(EngineProject.deploy("--log-only")));
        refused("revert", ctx -> new RevertCommand(ctx).execute(EngineProject.revert("-y")));
        refused("verify", ctx -> new VerifyCommand(ctx).execute(EngineProject.verify()));
        refused("rebase", ctx -> new RebaseCommand(ctx).execute(EngineProject.rebase("-y")));
        refused("rework", ctx -> new ReworkCommand(ctx).execute(ReworkOptions.of(EVIL, List.of(), List.of(), "x")));
        refused("show", ctx -> new ShowCommand(ctx).execute(ShowOptions.of("deploy", EVIL)));
        refused("bundle", ctx -> new BundleCommand(ctx).execute(new BundleOptions(null, null, null, false, List.of())));
        assertFalse(Files.exists(p.dir.resolve("bundle")), "the bundle was not started");
    }
}
