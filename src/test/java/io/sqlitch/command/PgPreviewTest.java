package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.charset.StandardCharsets;
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
 * The preview on a {@code db:pg:} target, on the real server: scripts printed with psql's variables substituted as
 * the in-process runner substitutes them, the real psql running the preview's SQL on a fresh database gives the
 * schema a deploy gives, and the preview writes nothing (no registry schema, no rows, no application schema).
 */
class PgPreviewTest {

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;

    @BeforeEach
    void setUp() {
        pg = PgServer.requireWithPsql();
        project = new EngineProject(tmp);
        project.write("sqitch.conf", "[core]\n\tengine = pg\n[deploy \"variables\"]\n\tgreeting = it's me\n");
        project.add("appschema", "", "-- Deploy appschema\nBEGIN;\nCREATE SCHEMA :\"schema\";\nCOMMIT;\n",
                "DROP SCHEMA :\"schema\";\n", "SELECT 1;\n");
        project.add("users", "appschema", "BEGIN;\nCREATE TABLE :\"schema\".users (\n"
                        + "    nickname TEXT PRIMARY KEY,\n    note TEXT DEFAULT :'greeting'\n);\n"
                        + "\\set tbl flips\nCREATE TABLE :\"schema\".:tbl (id INT, at TEXT DEFAULT :'DBNAME');\n"
                        + "COPY :\"schema\".users (nickname) FROM stdin;\nmarge\n\\.\nCOMMIT;\n",
                "DROP TABLE :\"schema\".flips;\nDROP TABLE :\"schema\".users;\n", "SELECT 1;\n");
    }

    private DeployOptions deploy(String db) {
        return new DeployOptions(List.of(pg.sqitchUri(db)), null, null, null, null, false, null,
                Map.of("schema", "flipr"), false);
    }

    @Test
    void deployPreviewRunByTheRealPsqlGivesTheDeploysSchemaAndWritesNothing() throws Exception {
        String fresh = pg.createDatabase("preview");
        Path sql = tmp.resolve("deploy.sql");

        RealSqitch.Result preview = project.ours(ctx -> new PreviewCommand(ctx).deploy(deploy(fresh), sql));

        assertEquals(0, preview.exitValue(), preview.stderr());
        assertEquals(List.of("public"), schemas(fresh));
        String out = preview.stdout();
        assertTrue(out.startsWith("Would deploy 2 changes (preview: nothing is written to the database)\n"
                + "-- Change: appschema\n-- Script: deploy/appschema.sql\nBEGIN;\nCREATE SCHEMA \"flipr\";\n"), out);
        assertTrue(out.contains("note TEXT DEFAULT 'it''s me'\n);\n\\set tbl flips\n"
                + "CREATE TABLE \"flipr\".flips (id INT, at TEXT DEFAULT '" + fresh + "');\n"
                + "COPY \"flipr\".users (nickname) FROM stdin;\nmarge\n\\.\nCOMMIT;\n"), out);

        String applied = pg.createDatabase("applied");
        psql(applied, sql);
        String deployed = pg.createDatabase("deployed");
        RealSqitch.Result deploy = project.ours(ctx -> new DeployCommand(ctx).execute(deploy(deployed)));
        assertEquals(0, deploy.exitValue(), deploy.stderr());
        String schema = columns(deployed).replace(deployed, "DB");
        assertEquals(schema, columns(applied).replace(fresh, "DB"));
        assertTrue(schema.contains("flips|at|text|'DB'::text") && schema.contains("users|note|text|'it''s me'"),
                schema);
        assertEquals(List.of("marge"), rows(applied, "SELECT nickname FROM flipr.users"));
    }

    @Test
    void revertPreviewReadsTheRegistryAndChangesNothing() throws Exception {
        String db = pg.createDatabase("revert");
        assertEquals(0, project.ours(ctx -> new DeployCommand(ctx).execute(deploy(db))).exitValue());
        List<String> events = rows(db, "SELECT event || ' ' || change FROM sqitch.events ORDER BY committed_at");
        String before = columns(db);
        Path sql = tmp.resolve("revert.sql");

        RealSqitch.Result preview = project.ours(ctx -> new PreviewCommand(ctx).revert(new RevertOptions(
                List.of(pg.sqitchUri(db)), null, "appschema", false, null, false, null, Map.of("schema", "flipr")),
                sql));

        assertEquals(0, preview.exitValue(), preview.stderr());
        assertEquals("Would revert 1 change (preview: nothing is written to the database)\n"
                + "-- Change: users\n-- Script: revert/users.sql\n"
                + "DROP TABLE \"flipr\".flips;\nDROP TABLE \"flipr\".users;\n\nWrote " + sql + "\n", preview.stdout());
        assertEquals(events, rows(db, "SELECT event || ' ' || change FROM sqitch.events ORDER BY committed_at"));
        assertEquals(before, columns(db));

        RealSqitch.Result deployAgain = project.ours(ctx -> new PreviewCommand(ctx).deploy(deploy(db), null));
        assertEquals("Nothing to deploy (up-to-date)\n", deployAgain.stdout());
    }

    @Test
    void revertPreviewOfAFreshDatabaseFailsAsTheRealRevert() {
        String db = pg.createDatabase("norevert");
        RealSqitch.Result preview = project.ours(ctx -> new PreviewCommand(ctx).revert(EngineProject.revert(
                pg.sqitchUri(db)), null));
        RealSqitch.Result real = project.oursCli("revert", "-y", pg.sqitchUri(db));
        assertEquals(2, preview.exitValue());
        assertTrue(preview.stderr().startsWith("No registry found in db:pg:"), preview.stderr());
        assertEquals(real.stderr(), preview.stderr());
    }

    @Test
    void rebasePreviewRunByTheRealPsqlOnACopyGivesTheSchemaTheRebaseGives() throws Exception {
        String db = pg.createDatabase("rebase");
        assertEquals(0, project.ours(ctx -> new DeployCommand(ctx).execute(deploy(db))).exitValue());
        project.write("deploy/users.sql", "CREATE TABLE :\"schema\".users (nickname TEXT, since :kind);\n"
                + "CREATE TABLE :\"schema\".flips (id INT);\n");
        String events = String.join("\n", rows(db, "SELECT event || change FROM sqitch.events"));
        Path sql = tmp.resolve("rebase.sql");
        RebaseOptions options = new RebaseOptions(List.of(pg.sqitchUri(db)), null, "appschema", null, false, null,
                null, true, false, null, Map.of("schema", "flipr", "kind", "TEXT"), Map.of(),
                Map.of("kind", "DATE"));

        RealSqitch.Result preview = project.ours(ctx -> new PreviewCommand(ctx).rebase(options, sql));

        assertEquals(0, preview.exitValue(), preview.stderr());
        assertTrue(preview.stdout().contains("Would revert 1 change"), preview.stdout());
        assertEquals(events, String.join("\n", rows(db, "SELECT event || change FROM sqitch.events")));
        String copy = pg.createDatabase("copy");
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + copy);
            st.execute("CREATE DATABASE " + copy + " TEMPLATE " + db);
        }
        psql(copy, sql);
        RealSqitch.Result rebase = project.ours(ctx -> new RebaseCommand(ctx).execute(options));
        assertEquals(0, rebase.exitValue(), rebase.stderr());
        assertEquals(columns(db), columns(copy));
        assertTrue(columns(copy).contains("users|since|date|"), columns(copy));
    }

    private void psql(String db, Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg.host(), "-p",
                Integer.toString(pg.port()), "-U", pg.user(), "-d", db, "-f", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private List<String> schemas(String db) throws Exception {
        return rows(db, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema' ORDER BY 1");
    }

    /** The application schema's columns with their types and defaults. */
    private String columns(String db) throws Exception {
        return String.join("\n", rows(db, "SELECT table_name || '|' || column_name || '|' || data_type || '|'"
                + " || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'flipr'"
                + " ORDER BY table_name, ordinal_position"));
    }

    private List<String> rows(String db, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
