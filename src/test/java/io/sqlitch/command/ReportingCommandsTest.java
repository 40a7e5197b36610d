package io.sqlitch.command;

import java.util.function.Function;
import io.sqlitch.RunContext;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.registry.ChangeRecord;
import io.sqlitch.registry.Dependency;
import io.sqlitch.registry.Identity;
import io.sqlitch.registry.Registry;
import io.sqlitch.registry.RegistryDatabase;
import io.sqlitch.registry.RegistrySchema;
import io.sqlitch.registry.TagRecord;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status and log on registries written row by row: the cases the tutorial replay does not reach. */
class ReportingCommandsTest {

    private static final Identity MARGE = new Identity("Marge N. O’Vera", "marge@example.com");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T20:00:00Z"), ZoneOffset.UTC);
    private static final String PLAN = """
            %syntax-version=1.0.0
            %project=demo

            one 2026-01-01T00:00:00Z Marge N. O’Vera <marge@example.com> # First.
            @alpha 2026-01-01T00:00:01Z Marge N. O’Vera <marge@example.com> # Alpha.
            @beta 2026-01-01T00:00:02Z Marge N. O’Vera <marge@example.com> # Beta.
            two [one] 2026-01-01T00:00:03Z Marge N. O’Vera <marge@example.com> # Second.
            """;

    @TempDir
    Path dir;

    private Plan plan;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("sqitch.conf"), """
                [core]
                \tengine = sqlite
                [engine "sqlite"]
                \ttarget = db:sqlite:app.db
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sqitch.plan"), PLAN, StandardCharsets.UTF_8);
        plan = PlanParser.parse(PLAN, "sqitch.plan");
    }

    private RealSqitch.Result run(Function<CommandContext, ? extends CommandResult<?>> command) {
        Capture capture = new Capture();
        Map<String, String> env = Map.of("TZ", "UTC", "HOME", dir.toString(),
                "SQITCH_USER_CONFIG", dir.resolve("none").toString(),
                "SQITCH_SYSTEM_CONFIG", dir.resolve("none").toString());
        CommandContext ctx = new CommandContext(new RunContext(dir, env, CLOCK, dir), TargetOptions.none(), capture,
                null);
        return capture.run(() -> command.apply(ctx));
    }

    private Registry registry(Connection connection) {
        new RegistrySchema(connection, RegistryDatabase.MAIN, CLOCK).initialize(MARGE, "sqitch.db");
        Registry registry = new Registry(connection, RegistryDatabase.MAIN, MARGE, CLOCK);
        registry.registerProject("demo", null);
        return registry;
    }

    private ChangeRecord record(Change change, List<TagRecord> tags, List<Dependency> requires) {
        return new ChangeRecord(change.id(), "hash-" + change.name(), change.name(), "demo", change.note(),
                change.timestamp(), new Identity(change.planner().name(), change.planner().email()), requires,
                List.of(), tags);
    }

    private List<TagRecord> tagsOf(Change change) {
        return change.tags().stream().map(t -> new TagRecord(t.id(), t.name(), t.note(), t.timestamp(),
                new Identity(t.planner().name(), t.planner().email()))).toList();
    }

    @Test
    void statusOnAMissingRegistryCreatesItAndSaysNothingIsDeployed() {
        RealSqitch.Result r = run(ctx -> new StatusCommand(ctx).execute(StatusOptions.defaults()));
        assertEquals("# On database db:sqlite:app.db\nNo changes deployed\n", r.stdout());
        assertEquals(1, r.exitValue());
        assertTrue(Files.exists(dir.resolve("sqitch.db")), "Sqitch's connect creates the registry file");
    }

    @Test
    void logOnAnUninitializedOrEmptyRegistryIsASoftOutcome() {
        RealSqitch.Result r = run(ctx -> new LogCommand(ctx).execute(LogOptions.defaults()));
        assertEquals("Database db:sqlite:sqitch.db has not been initialized for Sqitch\n", r.stdout());
        assertEquals(1, r.exitValue());
        try (Connection c = RegistryDatabase.open(dir.resolve("sqitch.db"))) {
            registry(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        r = run(ctx -> new LogCommand(ctx).execute(LogOptions.defaults()));
        assertEquals("No events logged for db:sqlite:app.db\n", r.stdout());
        assertEquals(1, r.exitValue());
    }

    @Test
    void statusListsSingularChangeTwoTagsAndTheUndeployedChange() throws Exception {
        try (Connection c = RegistryDatabase.open(dir.resolve("sqitch.db"))) {
            registry(c).recordDeploy(record(plan.changeAt(0), tagsOf(plan.changeAt(0)), List.of()));
        }
        RealSqitch.Result r = run(ctx -> new StatusCommand(ctx).execute(
                StatusOptions.builder().showChanges(true).showTags(true).dateFormat("raw").build()));
        assertEquals("""
                # On database db:sqlite:app.db
                # Project:  demo
                # Change:   %s
                # Name:     one
                # Tags:     @alpha, @beta
                # Deployed: 2026-11-23T20:00:00Z
                # By:       Marge N. O’Vera <marge@example.com>
                #\s
                # Change:
                #   one - 2026-11-23T20:00:00Z - Marge N. O’Vera <marge@example.com>
                #\s
                # Tags:
                #   @alpha - 2026-11-23T20:00:00Z - Marge N. O’Vera <marge@example.com>
                #   @beta  - 2026-11-23T20:00:00Z - Marge N. O’Vera <marge@example.com>
                #\s
                Undeployed change:
                  * two
                """.formatted(plan.changeAt(0).id()), r.stdout());
        assertEquals(0, r.exitValue());
    }

    @Test
    void statusOfAChangeTheRegistryHasButThePlanLacksFails() throws Exception {
        try (Connection c = RegistryDatabase.open(dir.resolve("sqitch.db"))) {
            Change one = plan.changeAt(0);
            registry(c).recordDeploy(new ChangeRecord("0".repeat(40), "h", "ghost", "demo", "", one.timestamp(),
                    MARGE, List.of(), List.of(), List.of()));
        }
        RealSqitch.Result r = run(ctx -> new StatusCommand(ctx).execute(StatusOptions.defaults()));
        assertTrue(r.stdout().endsWith("# By:       Marge N. O’Vera <marge@example.com>\n# \n"), r.stdout());
        assertEquals("Cannot find this change in sqitch.plan\n"
                + "Make sure you are connected to the proper database for this project.\n", r.stderr());
        assertEquals(2, r.exitValue());
    }

    @Test
    void statusForAnotherProjectCannotAssessTheStatus() throws Exception {
        try (Connection c = RegistryDatabase.open(dir.resolve("sqitch.db"))) {
            Registry registry = registry(c);
            registry.registerProject("other", null);
            registry.recordDeploy(new ChangeRecord("1".repeat(40), "h", "x", "other", "", CLOCK.instant(), MARGE,
                    List.of(), List.of(), List.of()));
        }
        RealSqitch.Result r = run(ctx -> new StatusCommand(ctx).execute(
                StatusOptions.builder().project("other").showTags(true).build()));
        assertTrue(r.stdout().endsWith("# \n# Tags: None.\n# \nStatus unknown. Use --plan-file to assess \"other\""
                + " status\n"), r.stdout());
    }

    @Test
    void logListCodesSplitDeployTagsOnSpacesAndRevertTagsOnCommas() throws Exception {
        try (Connection c = RegistryDatabase.open(dir.resolve("sqitch.db"))) {
            Registry registry = registry(c);
            Change one = plan.changeAt(0);
            registry.recordDeploy(record(one, tagsOf(one), List.of()));
            Change two = plan.changeAt(1);
            registry.recordDeploy(record(two, List.of(), List.of(Dependency.requires("one", one.id()))));
            registry.recordRevert(two.id());
            registry.recordRevert(one.id());
        }
        RealSqitch.Result r = run(ctx -> new LogCommand(ctx).execute(LogOptions.builder().reverse(true)
                .format("format:%l %n%T|%t|%{;}t|%r|%R%x|%{requires}a").headers(false).build()));
        assertEquals("""
                deploy one (@alpha, @beta)| @alpha, @beta| @alpha;@beta|||
                deploy two||| one|Requires:  one
                |requires  one

                revert two||| one|Requires:  one
                |requires  one

                revert one (@alpha, @beta)| @alpha, @beta| @alpha;@beta|||
                """, r.stdout());
        RealSqitch.Result full = run(ctx -> new LogCommand(ctx).execute(LogOptions.builder().events(List.of("revert"))
                .changePattern("one").format("full").build()));
        assertTrue(full.stdout().startsWith("On database db:sqlite:app.db\nRevert " + plan.changeAt(0).id()
                + " (@alpha, @beta)\n"), full.stdout());
        assertFalse(full.stdout().contains("Deploy"), full.stdout());
    }
}
