package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of the authoring commands that the differential test cannot show (no editor, failures). */
class AuthoringCommandsTest {

    private static final String HEADER = "%syntax-version=1.0.0\n%project=proj\n\n";

    @TempDir
    Path dir;

    private Capture out;
    private CommandContext ctx;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
        Files.writeString(dir.resolve("sqitch.plan"), HEADER);
        out = new Capture();
        Map<String, String> env = Map.of("SQITCH_FULLNAME", "Ann Author", "SQITCH_EMAIL", "ann@example.com",
                "SQITCH_USER_CONFIG", dir.resolve("none").toString(),
                "SQITCH_SYSTEM_CONFIG", dir.resolve("none").toString());
        ctx = new CommandContext(new RunContext(dir, env, Clock.fixed(Instant.parse("2024-05-06T07:08:09.5Z"),
                ZoneOffset.UTC), dir.resolve("home")), TargetOptions.none(), out, null);
    }

    private String plan() throws Exception {
        return Files.readString(dir.resolve("sqitch.plan"), StandardCharsets.UTF_8);
    }

    @Test
    void addWithoutNoteWritesNoNoteAndOpensNoEditor() throws Exception {
        new AddCommand(ctx).execute(AddOptions.of("widgets", null, null, null));
        assertEquals(HEADER + "widgets 2024-05-06T07:08:09Z Ann Author <ann@example.com>\n", plan());
        assertEquals("Created deploy/widgets.sql\nCreated revert/widgets.sql\nCreated verify/widgets.sql\n"
                + "Added \"widgets\" to sqitch.plan\n", out.stdout());
    }

    @Test
    void addSkipsExistingScriptsAndCreatesSubdirectories() throws Exception {
        Files.createDirectories(dir.resolve("revert/a/b"));
        Files.writeString(dir.resolve("revert/a/b/c.sql"), "keep me\n");
        new AddCommand(ctx).execute(AddOptions.of("a/b/c", null, null, "Nested."));
        assertEquals("Created deploy/a/b/c.sql\nSkipped revert/a/b/c.sql: already exists\nCreated verify/a/b/c.sql\n"
                + "Added \"a/b/c\" to sqitch.plan\n", out.stdout());
        assertEquals("keep me\n", Files.readString(dir.resolve("revert/a/b/c.sql")));
    }

    @Test
    void badTemplateChangesNothing() throws Exception {
        Files.createDirectories(dir.resolve("t/deploy"));
        Files.writeString(dir.resolve("t/deploy/sqlite.tmpl"), "[% IF change %]unclosed\n");
        SqitchException e = assertThrows(SqitchException.class, () -> new AddCommand(ctx).execute(
                AddOptions.builder().changeName("x").templateDirectory("t").build()));
        assertTrue(e.getMessage().startsWith("Error executing "), e.getMessage());
        assertEquals(HEADER, plan());
        assertFalse(Files.exists(dir.resolve("deploy")));
        assertFalse(Files.exists(dir.resolve("revert")));
    }

    @Test
    void configuredTemplatesAndTemplateDirectoryApply() throws Exception {
        Files.createDirectories(dir.resolve("tt/revert"));
        Files.writeString(dir.resolve("tt/revert/sqlite.tmpl"), "-- dir revert [% change %]\n");
        Files.writeString(dir.resolve("v.tmpl"), "-- configured verify [% change %]\n");
        Files.writeString(dir.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n[add]\n\ttemplate_directory = tt\n"
                + "[add \"templates\"]\n\tverify = v.tmpl\n");
        new AddCommand(ctx).execute(AddOptions.of("w", null, null, "n"));
        assertEquals("-- dir revert w\n", Files.readString(dir.resolve("revert/w.sql")));
        assertEquals("-- configured verify w\n", Files.readString(dir.resolve("verify/w.sql")));
        assertTrue(Files.readString(dir.resolve("deploy/w.sql")).startsWith("-- Deploy proj:w to sqlite\n"));
    }

    @Test
    void tagOnEmptyPlanAndPlanOfEmptyPlan() {
        SqitchException tag = assertThrows(SqitchException.class,
                () -> new TagCommand(ctx).execute(TagOptions.of("v1", null, null)));
        assertEquals("Cannot apply tag \"@v1\" to a plan with no changes", tag.getMessage());
        CommandResult<PlanReport> plan = new PlanCommand(ctx).execute(PlanOptions.defaults());
        assertEquals("No changes in sqitch.plan", plan.message());
        assertTrue(plan.isSoft());
    }

    @Test
    void reworkWithoutRevertScriptListsOnlyExistingFiles() throws Exception {
        new AddCommand(ctx).execute(AddOptions.builder().changeName("r").notes(List.of("n")).build());
        Files.delete(dir.resolve("revert/r.sql"));
        new TagCommand(ctx).execute(TagOptions.of("t", null, "t"));
        Capture rework = new Capture();
        new ReworkCommand(new CommandContext(ctx.run(), TargetOptions.none(), rework, null)).execute(
                ReworkOptions.of("r", null, null, "again"));
        assertEquals("Added \"r [r@t]\" to sqitch.plan.\nModify these files as appropriate:\n  * deploy/r.sql\n"
                + "  * verify/r.sql\n", rework.stdout());
        assertTrue(Files.exists(dir.resolve("deploy/r@t.sql")));
        assertFalse(Files.exists(dir.resolve("revert/r@t.sql")));
        assertFalse(Files.exists(dir.resolve("revert/r.sql")));
    }

    @Test
    void showExistsReportsMissingObjectsWithoutOutput() throws Exception {
        new AddCommand(ctx).execute(AddOptions.of("s", null, null, "n"));
        Capture show = new Capture();
        ShowCommand cmd = new ShowCommand(new CommandContext(ctx.run(), TargetOptions.none(), show, null));
        assertTrue(cmd.execute(new ShowOptions("deploy", "s", null, true)).isOk());
        assertFalse(cmd.execute(new ShowOptions("change", "nope", null, true)).isOk());
        assertFalse(cmd.execute(new ShowOptions("tag", "nope", null, true)).isOk());
        assertEquals("", show.stdout());
    }
}
