package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sqlitch.testing.PgServer;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status}, {@code log}, {@code check} and {@code upgrade} (of an up-to-date registry) on PostgreSQL against real sqitch on the same database: before any deploy, after
 * a deploy by the plugin and after one by sqitch, after a partial revert. Both read the same rows, so the output,
 * dates included, must be byte for byte the same.
 */
class PgReportingDifferentialTest {

    /** One report: sqitch's arguments and the same options for the plugin's command, given the target URI. */
    private record Report(List<String> args, Function<String, Function<CommandContext, ? extends CommandResult<?>>> ours) {
    }

    private static Report status(List<String> args, String project, Boolean changes, Boolean tags, String date) {
        return new Report(args, uri -> ctx -> new StatusCommand(ctx).execute(StatusOptions.builder().args(List.of(uri))
                .project(project).showChanges(changes).showTags(tags).dateFormat(date).build()));
    }

    private static Report log(List<String> args, List<String> events, String change, Integer max, Integer skip,
                              boolean reverse, String format, boolean oneline, Boolean headers) {
        return new Report(args, uri -> ctx -> new LogCommand(ctx).execute(LogOptions.builder().args(List.of(uri))
                .events(events).changePattern(change).maxCount(max).skip(skip).reverse(reverse).format(format)
                .oneline(oneline).headers(headers).build()));
    }

    private static Report check(List<String> args, String from, String to) {
        return new Report(args, uri -> ctx -> new CheckCommand(ctx).execute(new CheckOptions(List.of(uri), null,
                from, to)));
    }

    private static final Report CHECK = check(List.of("check"), null, null);

    private static final List<Report> REPORTS = List.of(
            CHECK,
            new Report(List.of("upgrade"), uri -> ctx -> new UpgradeCommand(ctx).execute(new UpgradeOptions(
                    List.of(uri), null))),
            check(List.of("check", "--from", "users", "--to", "@HEAD"), "users", "@HEAD"),
            status(List.of("status"), null, null, null, null),
            status(List.of("status", "--show-changes", "--show-tags"), null, true, true, null),
            status(List.of("status", "--show-tags", "--date-format", "rfc", "--project", "flipr"), "flipr", null,
                    true, "rfc"),
            log(List.of("log"), List.of(), null, null, null, false, null, false, null),
            log(List.of("log", "--format", "full", "--reverse"), List.of(), null, null, null, true, "full", false,
                    null),
            log(List.of("log", "--format", "raw", "--event", "deploy", "--max-count", "2", "--skip", "1"),
                    List.of("deploy"), null, 2, 1, false, "raw", false, null),
            log(List.of("log", "--oneline", "--change-pattern", "^u", "--no-headers"), List.of(), "^u", null, null,
                    false, null, true, false),
            log(List.of("log", "--format", "format:%t|%T|%r|%R|%x|%X|%n%s"), List.of(), null, null, null, false,
                    "format:%t|%T|%r|%R|%x|%X|%n%s", false, null));

    @TempDir
    Path tmp;

    private PgServer pg;
    private EngineProject project;

    @BeforeEach
    void setUp() {
        pg = PgServer.requireWithPsql();
        assumeTrue(RealSqitch.available() || Boolean.getBoolean(PgServer.REQUIRE_PROPERTY), "no sqitch");
        project = new EngineProject(tmp);
        project.write("sqitch.conf", "[core]\n\tengine = pg\n");
        project.add("appschema", "", "CREATE SCHEMA flipr;\n", "DROP SCHEMA flipr;\n", "SELECT 1;\n");
        project.add("users", "appschema", "CREATE TABLE flipr.users (nickname TEXT);\n",
                "DROP TABLE flipr.users;\n", "SELECT 1;\n");
        project.tag("v1.0");
        project.add("flips", "users", "CREATE TABLE flipr.flips (id INT);\n", "DROP TABLE flipr.flips;\n",
                "SELECT 1;\n");
    }

    @Test
    void reportsOnAnUninitializedDatabase() {
        String db = pg.createDatabase("empty");
        compare(db, REPORTS.get(3));
        compare(db, REPORTS.get(6));
        compare(db, CHECK);
    }

    @Test
    void reportsOnTheRegistryThePluginWrote() {
        String db = pg.createDatabase("ours");
        assertEquals(0, project.oursCli("deploy", "--to", "users", uri(db)).exitValue());
        reportAll(db);
        assertEquals(0, project.oursCli("deploy", uri(db)).exitValue());
        assertEquals(0, project.oursCli("revert", "-y", "--to", "appschema", uri(db)).exitValue());
        reportAll(db);
        project.write("deploy/appschema.sql", "CREATE SCHEMA flipr; -- changed\n");
        compare(db, CHECK);
    }

    @Test
    void reportsOnTheRegistrySqitchWrote() {
        String db = pg.createDatabase("theirs");
        assertEquals(0, project.sqitch("deploy", uri(db)).exitValue());
        reportAll(db);
        assertEquals(0, project.sqitch("revert", "-y", "--to", "users", uri(db)).exitValue());
        reportAll(db);
    }

    private void reportAll(String db) {
        for (Report report : REPORTS) {
            compare(db, report);
        }
    }

    private void compare(String db, Report report) {
        List<String> full = new ArrayList<>(report.args());
        full.add(uri(db));
        RealSqitch.Result theirs = project.sqitch(full.toArray(String[]::new));
        RealSqitch.Result ours = project.ours(report.ours().apply(uri(db)));
        assertTrue(!theirs.stdout().isEmpty() || !theirs.stderr().isEmpty(), String.join(" ", report.args()));
        assertEquals(render(report.args(), theirs), render(report.args(), ours));
    }

    private static String render(List<String> args, RealSqitch.Result r) {
        return String.join(" ", args) + "\n" + r.exitValue() + "\n" + r.stdout() + "--\n" + r.stderr();
    }

    private String uri(String db) {
        return pg.sqitchUri(db);
    }
}
