package io.sqlitch.engine.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry the plugin writes against the one real sqitch writes for the same plan on the same cluster:
 * pg_dump of the schema identical, every row identical but for the committed times; and each side reads the
 * other's rows.
 */
@org.junit.jupiter.api.Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class PgRegistryDifferentialTest {

    private static final Identity MARGE = new Identity("Marge N. O’Vera", "marge@example.com");

    @TempDir
    Path dir;

    private PgServer pg;
    private Path project;
    private Map<String, String> env;

    @BeforeEach
    void project() throws Exception {
        pg = PgServer.requireWithPsql();
        RealSqitch.assumeSqitch();
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = " + MARGE.name() + "\n\temail = "
                + MARGE.email() + "\n");
        env = RealSqitch.env(home);
        project = Files.createDirectories(dir.resolve("p"));
        sqitch("init", "flipr", "--engine", "pg", "--uri", "https://example.com/flipr/");
        sqitch("add", "a", "-n", "First change.");
        sqitch("add", "b", "-r", "a", "--conflicts", "other:thing", "-n", "Second, requiring a.");
        sqitch("tag", "v1", "-n", "Tag v1.");
        sqitch("tag", "v1b", "-n", "Second tag.");
        sqitch("add", "c", "-r", "b", "-r", "a", "-n", "Third.");
    }

    private RealSqitch.Result sqitch(String... args) {
        RealSqitch.Result r = RealSqitch.run(project, env, List.of(args));
        assertEquals(0, r.exitValue(), String.join(" ", args) + "\n" + r.stdout() + r.stderr());
        return r;
    }

    @Test
    void sameRegistryAsRealSqitch() throws Exception {
        String theirs = pg.createDatabase("reg_sqitch");
        String ours = pg.createDatabase("reg_ours");
        sqitch("deploy", pg.sqitchUri(theirs));
        sqitch("revert", pg.sqitchUri(theirs), "--to", "@v1", "-y");

        Plan plan = PlanParser.parseFile(project.resolve("sqitch.plan"), "sqitch.plan");
        try (Connection c = pg.connect(ours)) {
            PgRegistry reg = PgRegistry.open(c, "sqitch", MARGE);
            assertFalse(reg.initialized());
            assertEquals("0", reg.registryVersion());
            reg.create();
            reg = PgRegistry.open(c, "sqitch", MARGE);
            assertTrue(reg.initialized());
            assertEquals("1.1", reg.registryVersion());
            reg.registerProject(plan.project(), plan.uri());
            for (Change change : plan.changes()) {
                reg.recordDeploy(record(plan, change));
            }
            reg.recordRevert(plan.changes().get(2).id());
        }

        assertEquals(dump(theirs, "--schema-only"), dump(ours, "--schema-only"));
        assertEquals(rows(theirs), rows(ours));

        // Each side reads the other's registry.
        try (Connection c = pg.connect(theirs)) {
            PgRegistryReads reads = new PgRegistryReads(PgRegistry.open(c, "sqitch", MARGE).connection());
            DeployedChange b = reads.currentState("flipr").orElseThrow();
            assertEquals("b", b.name());
            assertEquals(List.of("@v1", "@v1b"), b.tags());
            assertEquals(MARGE, b.committer());
            assertEquals(List.of("a", "b"), reads.deployedChanges("flipr").stream().map(DeployedChange::name).toList());
            assertEquals(plan.changes().get(1).timestamp(), b.plannedAt());
            assertEquals(List.of("flipr"), reads.registeredProjects());
            assertEquals(List.of("b"), reads.changesRequiringChange(plan.changes().get(0).id()).stream()
                    .map(r -> r.change()).toList());
        }
        String status = sqitch("status", pg.sqitchUri(ours)).stdout();
        assertTrue(status.contains("# Change:   " + plan.changes().get(1).id() + "\n# Name:     b\n# Tags:     @v1, @v1b\n"),
                status);
        sqitch("deploy", pg.sqitchUri(ours));
        sqitch("verify", pg.sqitchUri(ours));
    }

    @Test
    void upgradesAVersion0RegistryAsSqitchDoes() throws Exception {
        Path pgSql = Path.of("/usr/share/perl5/App/Sqitch/Engine/pg.sql");
        RealSqitch.assume(Files.isRegularFile(pgSql), "Sqitch's pg.sql (" + pgSql + ")");
        String theirs = pg.createDatabase("upg_sqitch");
        String ours = pg.createDatabase("upg_ours");
        for (String db : List.of(theirs, ours)) {
            v0Registry(db, pgSql);
        }
        RealSqitch.Result up = sqitch("upgrade", pg.sqitchUri(theirs));
        assertTrue(up.stdout().contains("  * From 0 to 1.0\n  * From 1.0 to 1.1\n"), up.stdout());
        List<String> lines = new ArrayList<>();
        try (Connection c = pg.connect(ours)) {
            PgRegistry reg = PgRegistry.open(c, "sqitch", MARGE);
            reg.upgrade(reg.registryVersion(), lines::add);
            assertEquals("1.1", reg.registryVersion());
        }
        assertEquals(List.of("  * From 0 to 1.0", "  * From 1.0 to 1.1"), lines);
        assertEquals(dump(theirs, "--schema-only"), dump(ours, "--schema-only"));
    }

    /** pglib.sh's make_v0_registry_sql: Sqitch's own pg.sql without what 1.0 and 1.1 added. */
    private void v0Registry(String db, Path pgSql) throws Exception {
        String sql = Files.readString(pgSql)
                .replaceFirst("(?s)CREATE TABLE :\"registry\"\\.releases \\(.*?\\n\\);\\n\\n(?:COMMENT ON [^\\n]*releases[^\\n]*\\n)+\\n", "")
                .replaceFirst("    script_hash     TEXT            NULL,\\n", "")
                .replaceFirst("COMMENT ON COLUMN :\"registry\"\\.changes\\.script_hash[^\\n]*\\n", "")
                .replaceFirst("(planner_email   TEXT        NOT NULL),\\n    UNIQUE\\(project, script_hash\\)\\n", "$1\n")
                .replaceFirst(", 'merge'", "")
                .replaceFirst("metadata v1\\.1\\.", "metadata v1.0.");
        Path file = dir.resolve(db + ".sql");
        Files.writeString(file, sql);
        Process p = new ProcessBuilder("/usr/bin/psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-v", "registry=sqitch",
                "-v", "tableopts=", "-h", pg.host(), "-p", Integer.toString(pg.port()), "-U", pg.user(), "-d", db,
                "-f", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private static ChangeRecord record(Plan plan, Change change) throws Exception {
        List<io.sqlitch.registry.Dependency> requires = new ArrayList<>();
        for (io.sqlitch.plan.Dependency d : change.requires()) {
            requires.add(io.sqlitch.registry.Dependency.requires(d.asString(), plan.dependencyId(d).orElseThrow()));
        }
        List<io.sqlitch.registry.Dependency> conflicts = change.conflicts().stream()
                .map(d -> io.sqlitch.registry.Dependency.conflicts(d.asString())).toList();
        List<TagRecord> tags = new ArrayList<>();
        for (Tag t : change.tags()) {
            tags.add(new TagRecord(t.id(), t.name(), t.note(), t.timestamp(),
                    new Identity(t.planner().name(), t.planner().email())));
        }
        return new ChangeRecord(change.id(), null, change.name(), plan.project(), change.note(), change.timestamp(),
                new Identity(change.planner().name(), change.planner().email()), requires, conflicts, tags);
    }

    private String dump(String db, String what) throws Exception {
        return new PsqlHarness(pg, dir).dump(db).isEmpty() ? "" : pgDump(db, what);
    }

    private String pgDump(String db, String what) throws Exception {
        Process p = new ProcessBuilder("pg_dump", what, "--schema=sqitch", "--no-owner", "--no-privileges", "-h",
                pg.host(), "-p", Integer.toString(pg.port()), "-U", pg.user(), "-d", db).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out.replaceAll("(?m)^(\\\\(un)?restrict .*|-- Dumped .*)$", "");
    }

    /** Every registry row without the committed times (in their order), script hashes aside. */
    private String rows(String db) throws Exception {
        String[] queries = {
            "SELECT version, installer_name, installer_email FROM sqitch.releases",
            "SELECT project, uri, creator_name, creator_email FROM sqitch.projects",
            "SELECT change_id, change, project, note, committer_name, committer_email, planned_at, planner_name,"
                    + " planner_email FROM sqitch.changes ORDER BY committed_at",
            "SELECT tag_id, tag, project, change_id, note, committer_name, committer_email, planned_at, planner_name,"
                    + " planner_email FROM sqitch.tags ORDER BY committed_at",
            "SELECT * FROM sqitch.dependencies ORDER BY change_id, dependency",
            "SELECT event, change_id, change, project, note, requires, conflicts, tags, committer_name,"
                    + " committer_email, planned_at, planner_name, planner_email FROM sqitch.events"
                    + " ORDER BY committed_at",
            "SELECT count(DISTINCT committed_at) = count(*) FROM sqitch.events"};
        StringBuilder out = new StringBuilder();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            for (String q : queries) {
                out.append("== ").append(q).append('\n');
                try (ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            out.append(i > 1 ? "|" : "").append(rs.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
