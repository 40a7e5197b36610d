package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebase and checkout previews: the SQL they print, applied by the real {@code sqlite3} to a copy of the
 * database, gives the schema the real command gives, and the preview itself writes nothing (files, their times,
 * registry rows, git's branch and working tree).
 */
class RebaseCheckoutPreviewTest {

    @TempDir
    Path tmp;

    /** Every path under {@code dir} with its size and modification time: a lock file or a touch shows. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.toString().contains("/.git/")).map(p -> dir.relativize(p)
                    + (Files.isRegularFile(p) ? " " + p.toFile().length() + " " + p.toFile().lastModified() : ""))
                    .sorted().toList();
        }
    }

    static String schema(Path db) throws Exception {
        return run(db.getParent(), "/usr/bin/sqlite3", db.toString(),
                "SELECT type, name, sql FROM sqlite_master ORDER BY name");
    }

    /** Applies the preview's SQL file to a copy of {@code db} with {@code sqlite3 -bail}; returns the copy. */
    static Path applied(Path db, Path sql) throws Exception {
        Path copy = db.resolveSibling("applied.db");
        Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
        run(db.getParent(), "/usr/bin/sqlite3", "-bail", copy.toString(), ".read " + sql);
        return copy;
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static EngineProject rebaseProject(Path root) {
        EngineProject p = new EngineProject(root);
        p.add("users", "").tag("v1");
        p.add("flips", "users", "CREATE TABLE flips (id INTEGER);\n", "DROP TABLE ${gone};\n", "");
        p.add("likes", "flips");
        return p;
    }

    @Test
    void rebasePreviewRunsTheRevertsThenTheDeploysAndGivesTheRebasedSchema() throws Exception {
        RealSqitch.assume(RealSqitch.sqlite3Available(), "sqlite3");
        EngineProject p = rebaseProject(tmp);
        assertEquals(0, p.oursCli("deploy").exitValue());
        // The deploy script changes after its deploy: the rebase reverts flips and likes, then deploys flips anew.
        p.write("deploy/flips.sql", "CREATE TABLE flips (id INTEGER, ${column} TEXT);\n");
        String db = p.dump("flipr.db");
        String registry = p.dump("sqitch.db");
        List<String> before = listing(p.dir);
        Path sql = tmp.resolve("rebase.sql");

        RealSqitch.Result preview = p.ours(ctx -> new PreviewCommand(ctx).rebase(EngineProject.rebase("--onto",
                "users", "--upto", "flips", "-r", "gone=flips", "-e", "column=note", "-s", "column=wrong"), sql));

        assertEquals(0, preview.exitValue(), preview.stderr());
        assertEquals(before, listing(p.dir));
        assertEquals(db, p.dump("flipr.db"));
        assertEquals(registry, p.dump("sqitch.db"));
        String out = preview.stdout();
        int reverts = out.indexOf("Would revert 2 changes (preview: nothing is written to the database)\n"
                + "-- Change: likes\n-- Script: revert/likes.sql\n");
        int flips = out.indexOf("-- Change: flips\n-- Script: revert/flips.sql\nDROP TABLE flips;\n");
        int deploys = out.indexOf("Would deploy 1 change (preview: nothing is written to the database)\n"
                + "-- Change: flips\n-- Script: deploy/flips.sql\nCREATE TABLE flips (id INTEGER, note TEXT);\n");
        assertTrue(reverts >= 0 && flips > reverts && deploys > flips, out);
        assertTrue(out.endsWith("Wrote " + sql + "\n"), out);

        Path copy = applied(p.dir.resolve("flipr.db"), sql);
        RealSqitch.Result rebase = p.ours(ctx -> new RebaseCommand(ctx).execute(EngineProject.rebase("-y",
                "--onto", "users", "--upto", "flips", "-r", "gone=flips", "-e", "column=note", "-s", "column=x")));
        assertEquals(0, rebase.exitValue(), rebase.stderr());
        assertEquals(schema(p.dir.resolve("flipr.db")), schema(copy));
        assertTrue(schema(copy).contains("note TEXT") && !schema(copy).contains("likes"), schema(copy));
    }

    @Test
    void rebasePreviewGivesTheSchemaRealSqitchsRebaseGives() throws Exception {
        RealSqitch.assumeSqitch();
        RealSqitch.assume(RealSqitch.sqlite3Available(), "sqlite3");
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").tag("v1");
        p.add("flips", "users");
        assertEquals(0, p.sqitch("deploy").exitValue());
        p.write("deploy/flips.sql", "CREATE TABLE flips (id INTEGER, note TEXT);\n");
        p.add("likes", "flips");
        List<String> before = listing(p.dir);
        Path sql = tmp.resolve("rebase.sql");

        RealSqitch.Result preview = p.ours(ctx -> new PreviewCommand(ctx).rebase(EngineProject.rebase("@v1"), sql));

        assertEquals(0, preview.exitValue(), preview.stderr());
        assertEquals(before, listing(p.dir));
        Path copy = applied(p.dir.resolve("flipr.db"), sql);
        RealSqitch.Result rebase = p.sqitch("rebase", "-y", "@v1");
        assertEquals(0, rebase.exitValue(), rebase.stderr());
        assertEquals(schema(p.dir.resolve("flipr.db")), schema(copy));
    }

    @Test
    void rebasePreviewFailsAsTheRealRebaseOnAnUndeployedOntoAndOnAFreshDatabase() throws IOException {
        EngineProject p = rebaseProject(tmp);
        List<String> before = listing(p.dir);
        RealSqitch.Result fresh = p.ours(ctx -> new PreviewCommand(ctx).rebase(EngineProject.rebase(), null));
        assertEquals(before, listing(p.dir));
        RealSqitch.Result real = p.copyTo(tmp.resolve("real")).oursCli("rebase", "-y");
        assertEquals(2, fresh.exitValue());
        assertEquals(real.exitValue(), fresh.exitValue());
        assertTrue(fresh.stderr().startsWith("No registry found in db:sqlite:"), fresh.stderr());
        assertEquals(real.stderr().replace(tmp.resolve("real").toString(), tmp.toString()), fresh.stderr());

        assertEquals(0, p.oursCli("deploy", "--to", "users").exitValue());
        RealSqitch.Result undeployed = p.ours(ctx -> new PreviewCommand(ctx).rebase(EngineProject.rebase("--onto",
                "flips"), null));
        RealSqitch.Result realUndeployed = p.oursCli("rebase", "-y", "--onto", "flips");
        assertEquals(2, undeployed.exitValue());
        assertEquals("Change not deployed: \"flips\"\n", undeployed.stderr());
        assertEquals(realUndeployed.stderr(), undeployed.stderr());
    }

    // --- checkout ---------------------------------------------------------------------------------------------

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Tester", "-c",
                "user.email=tester@example.com"));
        command.addAll(List.of(args));
        run(dir, command.toArray(String[]::new));
    }

    /**
     * main: users, flips, likes (deployed); feature: users, flips, then comments, whose scripts exist only in that
     * branch. Returns the project on main.
     */
    private EngineProject branches() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").tag("v1");
        p.add("flips", "users");
        p.write(".gitignore", "*.db\n*.db.lock\n");
        git(p.dir, "init", "-q", "-b", "main", ".");
        git(p.dir, "add", ".");
        git(p.dir, "commit", "-qm", "base");
        EngineProject feature = p.copyTo(tmp.resolve("feature"));
        feature.add("comments", "users", "CREATE TABLE comments (id INTEGER, body TEXT);\n",
                "DROP TABLE comments;\n", "");
        git(p.dir, "checkout", "-q", "-b", "feature");
        for (String f : List.of("sqitch.plan", "deploy/comments.sql", "revert/comments.sql", "verify/comments.sql")) {
            Files.copy(feature.dir.resolve(f), p.dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        git(p.dir, "add", ".");
        git(p.dir, "commit", "-qm", "comments");
        git(p.dir, "checkout", "-q", "main");
        p.add("likes", "flips");
        git(p.dir, "add", ".");
        git(p.dir, "commit", "-qm", "likes");
        assertEquals(0, p.oursCli("deploy").exitValue());
        return p;
    }

    @Test
    void checkoutPreviewRevertsToTheCommonChangeDeploysTheBranchsScriptsAndChecksNothingOut() throws Exception {
        RealSqitch.assume(RealSqitch.sqlite3Available(), "sqlite3");
        RealSqitch.assume(Files.isExecutable(Path.of("/usr/bin/git")), "git");
        EngineProject p = branches();
        String db = p.dump("flipr.db");
        String registry = p.dump("sqitch.db");
        List<String> before = listing(p.dir);
        Path sql = tmp.resolve("checkout.sql");

        RealSqitch.Result preview = p.ours(ctx -> new PreviewCommand(ctx).checkout(CheckoutOptions.of("feature"),
                sql));

        assertEquals(0, preview.exitValue(), preview.stderr());
        assertEquals(before, listing(p.dir));
        assertEquals(db, p.dump("flipr.db"));
        assertEquals(registry, p.dump("sqitch.db"));
        assertEquals("main\n", run(p.dir, "git", "rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals("", run(p.dir, "git", "status", "--porcelain"));
        assertEquals("Last change before the branches diverged: flips\n"
                + "Would revert 1 change (preview: nothing is written to the database)\n"
                + "-- Change: likes\n-- Script: revert/likes.sql\nBEGIN;\nDROP TABLE likes;\nCOMMIT;\n\n"
                + "Would deploy 1 change (preview: nothing is written to the database)\n"
                + "-- Change: comments\n-- Script: deploy/comments.sql\n"
                + "CREATE TABLE comments (id INTEGER, body TEXT);\n\n"
                + "Wrote " + sql + "\n", preview.stdout());

        Path copy = applied(p.dir.resolve("flipr.db"), sql);
        EngineProject twin = p.copyTo(tmp.resolve("twin")); // with its .git: real sqitch checks out there
        RealSqitch.Result checkout = p.ours(ctx -> new CheckoutCommand(ctx).execute(new CheckoutOptions(
                List.of("feature"), null, null, null, true, false, null, Map.of(), Map.of(), Map.of())));
        assertEquals(0, checkout.exitValue(), checkout.stderr());
        assertEquals(schema(p.dir.resolve("flipr.db")), schema(copy));
        assertTrue(schema(copy).contains("comments") && !schema(copy).contains("likes"), schema(copy));
        if (RealSqitch.available()) {
            RealSqitch.Result sqitch = twin.sqitch("checkout", "-y", "feature");
            assertEquals(0, sqitch.exitValue(), sqitch.stderr());
            assertEquals(schema(twin.dir.resolve("flipr.db")), schema(copy));
        }
    }

    @Test
    void checkoutPreviewFailsAsTheRealCheckoutOnTheCurrentBranchAndOnAMissingBranchScript() throws Exception {
        RealSqitch.assume(Files.isExecutable(Path.of("/usr/bin/git")), "git");
        EngineProject p = branches();
        RealSqitch.Result same = p.ours(ctx -> new PreviewCommand(ctx).checkout(CheckoutOptions.of("main"), null));
        assertEquals(1, same.exitValue());
        assertEquals("Already on branch main\n", same.stdout());

        git(p.dir, "checkout", "-q", "feature");
        git(p.dir, "rm", "-q", "deploy/comments.sql");
        git(p.dir, "commit", "-qm", "lose the script");
        git(p.dir, "checkout", "-q", "main");
        List<String> before = listing(p.dir);
        RealSqitch.Result missing = p.ours(ctx -> new PreviewCommand(ctx).checkout(CheckoutOptions.of("feature"),
                null));
        assertEquals(before, listing(p.dir));
        assertEquals(2, missing.exitValue());
        assertEquals("Deploy script deploy/comments.sql does not exist\n", missing.stderr());
        RealSqitch.Result real = p.ours(ctx -> new CheckoutCommand(ctx).execute(new CheckoutOptions(
                List.of("feature"), null, null, null, true, false, null, Map.of(), Map.of(), Map.of())));
        assertEquals(missing.exitValue(), real.exitValue());
        assertTrue(real.stderr().endsWith(missing.stderr()), real.stderr());
    }
}
