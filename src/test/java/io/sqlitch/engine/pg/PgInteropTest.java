package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.engine.SqlScript;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.plan.Tag;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.DeployedChange;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.TagRecord;
import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pg engine's parts driven as a deploy would drive them (lock, registry, one transaction per change around
 * its script, rows), then real sqitch status/verify/log/revert/deploy on the same database, and back.
 */
@org.junit.jupiter.api.Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class PgInteropTest {

    private static final Identity MARGE = new Identity("Marge N. O’Vera", "marge@example.com");

    @TempDir
    Path dir;

    @Test
    void deployedByTheEnginePartsThenSqitchTakesOver() throws Exception {
        PgServer pg = PgServer.requireWithPsql();
        RealSqitch.assumeSqitch();
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = " + MARGE.name() + "\n\temail = "
                + MARGE.email() + "\n");
        Map<String, String> env = RealSqitch.env(home);
        Path p = Files.createDirectories(dir.resolve("flipr"));
        run(p, env, "init", "flipr", "--engine", "pg");
        run(p, env, "add", "appschema", "-n", "Add schema for all flipr objects.");
        run(p, env, "add", "users", "-r", "appschema", "-n", "Creates table to track our users.");
        run(p, env, "tag", "v1.0.0-dev1", "-n", "Tag v1.0.0-dev1.");
        Files.writeString(p.resolve("deploy/appschema.sql"), "BEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n");
        Files.writeString(p.resolve("revert/appschema.sql"), "BEGIN;\nDROP SCHEMA flipr;\nCOMMIT;\n");
        Files.writeString(p.resolve("verify/appschema.sql"),
                "SELECT pg_catalog.has_schema_privilege('flipr', 'usage');\n");
        Files.writeString(p.resolve("deploy/users.sql"), "-- Deploy flipr:users to pg\nBEGIN;\n"
                + "CREATE TABLE flipr.users (nickname TEXT PRIMARY KEY, password TEXT NOT NULL);\n"
                + "COMMENT ON TABLE flipr.users IS :'note';\n"
                + "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'users') THEN\n"
                + "  RAISE EXCEPTION 'no users'; END IF; END $$;\nCOMMIT;\n");
        Files.writeString(p.resolve("revert/users.sql"), "DROP TABLE flipr.users;\n");
        Files.writeString(p.resolve("verify/users.sql"), "SELECT nickname, password FROM flipr.users WHERE FALSE;\n");
        String db = pg.createDatabase("interop");
        String uri = pg.sqitchUri(db);

        Plan plan = PlanParser.parseFile(p.resolve("sqitch.plan"), "sqitch.plan");
        RunContext ctx = new RunContext(p, env, Clock.systemUTC(), home);
        CollectingSink sink = new CollectingSink();
        StringBuilder out = sink.out;
        List<String> err = sink.err;
        try (PgEngine engine = new PgEngine(uri, uri, "sqitch", Optional.empty(), Map.of("note", "Flipr's users"),
                MARGE, ctx, err::add)) {
            engine.lock(60, out::append);
            assertTrue(!engine.initialized());
            engine.initialize();
            engine.registry().registerProject(plan.project(), plan.uri());
            for (Change change : plan.changes()) {
                String script = "deploy/" + change.name() + ".sql";
                assertEquals(Optional.empty(), engine.refusal(script));
                engine.beginWork();
                engine.runScript(script, sink);
                engine.logDeploy(record(plan, change, p.resolve(script)));
                engine.finishWork();
            }
            DeployedChange head = engine.reads().currentState("flipr").orElseThrow();
            assertEquals("users", head.name());
            assertEquals(List.of("@v1.0.0-dev1"), head.tags());
        }
        assertEquals("", out.toString());
        assertEquals(List.of(), err);

        String status = run(p, env, "status", uri).stdout();
        assertTrue(status.contains("# Name:     users\n# Tag:      @v1.0.0-dev1\n") && status.endsWith(
                "Nothing to deploy (up-to-date)\n"), status);
        assertEquals("Verifying " + uri + "\n  * appschema ........... ok\n  * users @v1.0.0-dev1 .. ok\nVerify successful\n",
                run(p, env, "verify", uri).stdout());
        assertTrue(run(p, env, "log", uri, "--format", "oneline").stdout().contains("deploy flipr:users"));
        run(p, env, "revert", uri, "-y", "--to", "appschema");
        try (PgEngine engine = new PgEngine(uri, uri, "sqitch", Optional.empty(), Map.of(), MARGE, ctx, err::add)) {
            assertEquals("appschema", engine.reads().currentState("flipr").orElseThrow().name());
            // A failing script: Sqitch's error, the fail event in the change's own transaction.
            Files.writeString(p.resolve("deploy/users.sql"), "CREATE TABLE flipr.users (id INT);\nSELECT nosuch;\n");
            engine.lock(60, out::append);
            engine.beginWork();
            SqitchException e = assertThrows(SqitchException.class, () -> engine.runScript("deploy/users.sql", sink));
            assertEquals("\"psql\" unexpectedly returned exit value 3", e.getMessage());
            engine.logFail(record(plan, plan.changes().get(1), p.resolve("deploy/users.sql")));
            engine.finishWork();
        }
        assertEquals(List.of("psql:deploy/users.sql:2: ERROR:  column \"nosuch\" does not exist",
                "LINE 1: SELECT nosuch;", "               ^"), err);
        String last = run(p, env, "log", uri, "--format", "oneline", "-n", "1").stdout();
        assertTrue(last.contains(" fail flipr:users"), last);
        String theirs = run(p, env, "log", uri, "--format", "format:%e %n %o %c", "-n", "4", "--skip",
                "1", "--change-pattern", "^(users|app)").stdout().replaceFirst("^On database .*\n", "");
        // (Sqitch 1.3.1 builds invalid SQL on pg when two patterns are given: one pattern here.)
        try (PgEngine engine = new PgEngine(uri, uri, "sqitch", Optional.empty(), Map.of(), MARGE, ctx, err::add)) {
            StringBuilder ours = new StringBuilder();
            for (var e : engine.reads().searchEvents(new io.sqlitch.registry.EventQuery(List.of(), "^(users|app)",
                    null, null, null, 4, 1, false))) {
                ours.append(e.event()).append(' ').append(e.change()).append(' ').append(e.project()).append(' ')
                        .append(e.committer()).append('\n');
                if (e.change().equals("users")) {
                    assertEquals(List.of("appschema"), e.requiresList());
                    assertEquals(List.of("@v1.0.0-dev1"), e.tagList());
                }
            }
            assertEquals(theirs, ours.toString());
            assertEquals(1, engine.reads().searchEvents(new io.sqlitch.registry.EventQuery(List.of("fail"), null,
                    null, null, null, null, null, true)).size());
        }
    }

    private static RealSqitch.Result run(Path dir, Map<String, String> env, String... args) {
        RealSqitch.Result r = RealSqitch.run(dir, env, List.of(args));
        assertEquals(0, r.exitValue(), String.join(" ", args) + "\n" + r.stdout() + r.stderr());
        return r;
    }

    private static ChangeRecord record(Plan plan, Change change, Path deploy) {
        List<io.sqlitch.registry.Dependency> requires = new ArrayList<>();
        for (io.sqlitch.plan.Dependency d : change.requires()) {
            requires.add(io.sqlitch.registry.Dependency.requires(d.asString(), plan.dependencyId(d).orElseThrow()));
        }
        List<TagRecord> tags = new ArrayList<>();
        for (Tag t : change.tags()) {
            tags.add(new TagRecord(t.id(), t.name(), t.note(), t.timestamp(),
                    new Identity(t.planner().name(), t.planner().email())));
        }
        return new ChangeRecord(change.id(), SqlScript.sha1Hex(deploy), change.name(), plan.project(), change.note(),
                change.timestamp(), new Identity(change.planner().name(), change.planner().email()), requires,
                List.of(), tags);
    }
}
