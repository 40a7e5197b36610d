package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sqlitch.dryRun}/{@code dryRunFile}: the preview of deploy and revert, which writes nothing. */
class DryRunPreviewTest {

    @TempDir
    Path tmp;

    /** Paths, sizes and modification times: a preview that touched or left a file shows. */
    private static List<String> listing(Path dir) throws IOException {
        return RebaseCheckoutPreviewTest.listing(dir);
    }

    private static EngineProject project(Path root) {
        EngineProject p = new EngineProject(root);
        p.add("users", "").tag("v1");
        p.add("flips", "users", "BEGIN;\nCREATE TABLE ${prefix}flips (id INTEGER, note TEXT DEFAULT '${note}');\n"
                + "CREATE INDEX flips_id ON ${prefix}flips (id);\nCOMMIT;\n", "DROP TABLE ${prefix}flips;\n", "");
        return p;
    }

    private static DeployOptions withVars(DeployOptions o) {
        return DeployOptions.builder().args(o.args()).target(o.target()).toChange(o.toChange()).mode(o.mode())
                .verify(o.verify()).logOnly(o.logOnly()).lockTimeout(o.lockTimeout())
                .set(Map.of("prefix", "app_", "note", "hi")).atomic(o.atomic()).build();
    }

    @Test
    void deployPreviewPrintsScriptsInOrderAndWritesNoFile() throws IOException {
        EngineProject p = project(tmp);
        List<String> before = listing(tmp);
        RealSqitch.Result r = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).deploy(withVars(EngineProject.deploy()), null)));
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals(before, listing(tmp));
        String out = r.stdout();
        assertTrue(out.startsWith("Would deploy 2 changes"), out);
        int users = out.indexOf("-- Change: users @v1\n-- Script: deploy/users.sql\nBEGIN;\nCREATE TABLE users");
        int flips = out.indexOf("-- Change: flips\n-- Script: deploy/flips.sql\n"
                + "BEGIN;\nCREATE TABLE app_flips (id INTEGER, note TEXT DEFAULT 'hi');");
        assertTrue(users >= 0 && flips > users, out);
    }

    @Test
    void missingDependencyFailsWithTheRealDeploysMessageAndWritesNothing() throws IOException {
        EngineProject p = project(tmp);
        p.add("likes", "flips other:thing");
        EngineProject real = p.copyTo(tmp.resolve("real"));
        List<String> before = listing(p.dir);
        RealSqitch.Result preview = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).deploy(EngineProject.deploy(), null)));
        assertEquals(before, listing(p.dir));
        RealSqitch.Result deploy = real.oursCli("deploy");
        assertEquals(2, preview.exitValue());
        assertEquals("Missing required change: other:thing\n", preview.stderr());
        assertEquals(deploy.exitValue(), preview.exitValue());
        assertTrue(deploy.stderr().endsWith(preview.stderr()), deploy.stderr());
        if (RealSqitch.available()) {
            RealSqitch.Result sqitch = p.copyTo(tmp.resolve("sqitch")).sqitch("deploy");
            assertEquals(preview.exitValue(), sqitch.exitValue());
            assertTrue(sqitch.stderr().endsWith(preview.stderr()), sqitch.stderr());
        }
    }

    @Test
    void deployPreviewAfterAPartialDeployListsOnlyThePendingChanges() throws IOException {
        EngineProject p = project(tmp);
        p.add("likes", "flips");
        assertEquals(0, p.oursCli("deploy", "--to", "users").exitValue());
        List<String> before = listing(tmp);
        RealSqitch.Result r = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).deploy(withVars(EngineProject.deploy()), null)));
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals(before, listing(tmp));
        assertTrue(r.stdout().startsWith("Would deploy 2 changes"), r.stdout());
        assertFalse(r.stdout().contains("deploy/users.sql"), r.stdout());
        assertTrue(r.stdout().indexOf("deploy/flips.sql") < r.stdout().indexOf("deploy/likes.sql"), r.stdout());
    }

    @Test
    void missingScriptFailsAsTheRealDeploy() throws IOException {
        EngineProject p = project(tmp);
        Files.delete(p.dir.resolve("deploy/flips.sql"));
        RealSqitch.Result preview = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).deploy(EngineProject.deploy(), null)));
        RealSqitch.Result deploy = p.copyTo(tmp.resolve("real")).oursCli("deploy");
        assertEquals(2, preview.exitValue());
        assertEquals("Deploy script deploy/flips.sql does not exist\n", preview.stderr());
        assertEquals(deploy.stderr(), preview.stderr());
    }

    @Test
    void dryRunFileAppliedBySqlite3GivesTheDeploysSchema() throws Exception {
        RealSqitch.assume(RealSqitch.sqlite3Available(), "sqlite3");
        EngineProject p = project(tmp);
        Path file = tmp.resolve("preview.sql");
        RealSqitch.Result r = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).deploy(withVars(EngineProject.deploy()), file)));
        assertEquals(0, r.exitValue(), r.stderr());
        assertFalse(Files.exists(p.dir.resolve("flipr.db")));
        assertFalse(Files.exists(p.dir.resolve("sqitch.db")));

        Path applied = tmp.resolve("applied.db");
        Process sqlite = new ProcessBuilder("/usr/bin/sqlite3", "-bail", applied.toString(), ".read " + file)
                .redirectErrorStream(true).start();
        String err = new String(sqlite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sqlite.waitFor(), err);

        RealSqitch.Result deployed = p.ours(ctx -> new DeployCommand(ctx).execute(withVars(EngineProject.deploy())));
        assertEquals(0, deployed.exitValue(), deployed.stderr());
        assertEquals(schema(p.dir.resolve("flipr.db")), schema(applied));
        assertTrue(schema(applied).contains("app_flips"));
    }

    private static String schema(Path db) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/sqlite3", db.toString(),
                "SELECT type, name, sql FROM sqlite_master ORDER BY name").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    @Test
    void revertPreviewListsChangesNewestFirstAndChangesNothing() throws IOException {
        EngineProject p = project(tmp);
        p.add("likes", "flips");
        assertEquals(0, p.ours(ctx -> new DeployCommand(ctx).execute(withVars(EngineProject.deploy())))
                .exitValue());
        String db = p.dump("flipr.db");
        String registry = p.dump("sqitch.db");
        List<String> before = listing(tmp);
        RealSqitch.Result r = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).revert(EngineProject.revert("--to", "users"),
                null)));
        assertEquals(0, r.exitValue(), r.stderr());
        assertEquals(before, listing(tmp));
        assertEquals(db, p.dump("flipr.db"));
        assertEquals(registry, p.dump("sqitch.db"));
        String out = r.stdout();
        assertTrue(out.startsWith("Would revert 2 changes"), out);
        int likes = out.indexOf("-- Change: likes\n-- Script: revert/likes.sql\n");
        int flips = out.indexOf("-- Change: flips\n-- Script: revert/flips.sql\n");
        assertTrue(likes >= 0 && flips > likes && !out.contains("revert/users.sql"), out);
    }

    @Test
    void revertPreviewOfAnUndeployedChangeFailsAsTheRealRevert() {
        EngineProject p = project(tmp);
        assertEquals(0, p.oursCli("deploy", "--to", "users").exitValue());
        RealSqitch.Result preview = p.ours(ctx -> preview(() -> new PreviewCommand(ctx).revert(EngineProject.revert("--to",
                "flips"), null)));
        RealSqitch.Result real = p.oursCli("revert", "-y", "--to", "flips");
        assertEquals(2, preview.exitValue());
        assertEquals(real.stderr(), preview.stderr());
    }

    @Test
    void revertPreviewRefusesAsTheRealRevertToRevertAChangeAnotherProjectStillRequires() throws IOException {
        EngineProject p = project(tmp.resolve("a"));
        EngineProject other = new EngineProject(tmp.resolve("b"), "other", p.dir.resolve("flipr.db").toString());
        other.add("thing", "flipr:flips");
        assertEquals(0, p.ours(ctx -> new DeployCommand(ctx).execute(withVars(EngineProject.deploy())))
                .exitValue());
        assertEquals(0, other.oursCli("deploy").exitValue());
        String registry = p.dump("sqitch.db");
        List<String> before = listing(p.dir);

        RealSqitch.Result preview = p.ours(ctx -> new PreviewCommand(ctx).revert(EngineProject.revert(), null));

        assertEquals(before, listing(p.dir));
        assertEquals(registry, p.dump("sqitch.db"));
        assertEquals(2, preview.exitValue());
        assertEquals("Change \"flips\" required by currently deployed change: other:thing\n", preview.stderr());
        RealSqitch.Result ours = p.oursCli("revert", "-y");
        assertEquals(preview.exitValue(), ours.exitValue());
        assertEquals(preview.stderr(), ours.stderr());
        RealSqitch.Result toUsers = p.ours(ctx -> new PreviewCommand(ctx).revert(EngineProject.revert("--to",
                "users"), null));
        assertEquals(preview.stderr(), toUsers.stderr());
        if (RealSqitch.available()) {
            RealSqitch.Result sqitch = p.sqitch("revert", "-y");
            assertEquals(preview.exitValue(), sqitch.exitValue());
            assertEquals(preview.stderr(), sqitch.stderr());
            assertEquals(registry, p.dump("sqitch.db"));
        }
    }

    @Test
    void revertPreviewWithModifiedListsWhatTheRealRevertReverts() throws IOException {
        EngineProject p = project(tmp);
        p.add("likes", "flips");
        assertEquals(0, p.ours(ctx -> new DeployCommand(ctx).execute(withVars(EngineProject.deploy())))
                .exitValue());
        p.write("deploy/flips.sql", "CREATE TABLE app_flips (id INTEGER, changed TEXT);\n");
        List<String> before = listing(tmp);
        RealSqitch.Result preview = p.ours(ctx -> new PreviewCommand(ctx).revert(EngineProject.revert("-m",
                "-s", "prefix=app_"), null));
        assertEquals(0, preview.exitValue(), preview.stderr());
        assertEquals(before, listing(tmp));
        List<String> previewed = preview.stdout().lines().filter(l -> l.startsWith("-- Change: "))
                .map(l -> l.substring("-- Change: ".length())).toList();
        RealSqitch.Result real = p.ours(ctx -> new RevertCommand(ctx).execute(EngineProject.revert("-y", "-m",
                "-s", "prefix=app_")));
        assertEquals(0, real.exitValue(), real.stderr());
        List<String> reverted = real.stdout().lines().filter(l -> l.startsWith("  - "))
                .map(l -> l.substring(4, l.indexOf(" ..")).strip()).toList();
        assertEquals(List.of("likes", "flips"), previewed);
        assertEquals(reverted, previewed);
    }

    @Test
    void previewOfAnEngineThePluginCannotDeployFailsAsTheRealDeploy() {
        EngineProject p = project(tmp);
        RealSqitch.Result preview = p.ours(ctx -> new PreviewCommand(ctx).deploy(EngineProject.deploy(
                "db:mysql://root@localhost/flipr"), null));
        RealSqitch.Result real = p.oursCli("deploy", "db:mysql://root@localhost/flipr");
        assertEquals(2, preview.exitValue());
        assertTrue(preview.stderr().startsWith("Engine \"mysql\" is not supported"), preview.stderr());
        assertEquals(real.stderr(), preview.stderr());
    }

    private static CommandResult<Void> preview(Runnable preview) {
        preview.run();
        return CommandResult.ok();
    }
}
