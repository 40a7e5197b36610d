package io.sqlitch.command;

import java.util.function.Function;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.RunContext;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revert question: who asks it, with what default, and what a refusal does to revert and rebase. */
class RevertPromptTest {

    @TempDir
    Path tmp;

    private final List<String> questions = new ArrayList<>();

    private RealSqitch.Result run(EngineProject p, boolean answer, Function<CommandContext, ? extends CommandResult<?>> cmd) {
        Capture capture = new Capture();
        CommandContext ctx = new CommandContext(new RunContext(p.dir, p.env, Clock.systemUTC(), p.home),
                TargetOptions.none(), capture, (question, defaultYes) -> {
                    questions.add(question + " default " + defaultYes);
                    return answer;
                });
        return capture.run(() -> cmd.apply(ctx));
    }

    private EngineProject deployed() {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "").tag("v1").add("flips", "users");
        assertEquals(0, p.oursCli("deploy").exitValue());
        return p;
    }

    @Test
    void decliningRevertRevertsNothingWithExitOne() {
        EngineProject p = deployed();
        RealSqitch.Result r = run(p, false, ctx -> new RevertCommand(ctx).execute(EngineProject.revert()));
        assertEquals(new RealSqitch.Result("Nothing reverted\n", "", 1), r);
        assertEquals(List.of("Revert all changes from db:sqlite:flipr.db? default true"), questions);
        r = run(p, false, ctx -> new RevertCommand(ctx).execute(EngineProject.revert("--to", "users")));
        assertEquals(new RealSqitch.Result("Nothing reverted\n", "", 1), r);
        assertEquals("Revert changes to users @v1 from db:sqlite:flipr.db? default true", questions.get(1));
    }

    @Test
    void promptAcceptConfigChangesTheDefaultAndNoPromptSkipsTheQuestion() throws Exception {
        EngineProject p = deployed();
        Files.writeString(p.dir.resolve("sqitch.conf"), "[revert]\n\tprompt_accept = false\n", java.nio.file.StandardOpenOption.APPEND);
        run(p, false, ctx -> new RevertCommand(ctx).execute(EngineProject.revert()));
        assertEquals(List.of("Revert all changes from db:sqlite:flipr.db? default false"), questions);
        Files.writeString(p.dir.resolve("sqitch.conf"), "\tno_prompt = true\n", java.nio.file.StandardOpenOption.APPEND);
        RealSqitch.Result r = run(p, false, ctx -> new RevertCommand(ctx).execute(EngineProject.revert("--to", "@v1")));
        assertEquals(new RealSqitch.Result("Reverting changes to users @v1 from db:sqlite:flipr.db\n"
                + "  - flips .. ok\n", "", 0), r);
        assertEquals(1, questions.size());
    }

    @Test
    void rebaseDeploysAfterADeclinedRevertAllButStopsAfterADeclinedRevertTo() {
        EngineProject p = deployed();
        RealSqitch.Result r = run(p, false, ctx -> new RebaseCommand(ctx).execute(EngineProject.rebase()));
        assertEquals(new RealSqitch.Result("Nothing reverted\nNothing to deploy (up-to-date)\n", "", 0), r);
        r = run(p, false, ctx -> new RebaseCommand(ctx).execute(EngineProject.rebase("--onto", "users")));
        assertEquals(new RealSqitch.Result("Nothing reverted\n", "", 1), r);
    }

    @Test
    void variablesFromConfigAndSetReachTheScripts() throws Exception {
        EngineProject p = new EngineProject(tmp);
        p.add("users", "", "CREATE TABLE ${table} (id INTEGER);\nINSERT INTO ${table} VALUES (${value});\n",
                "DROP TABLE ${table};\n", "");
        Files.writeString(p.dir.resolve("sqitch.conf"), "[deploy \"variables\"]\n\ttable = people\n\tvalue = 1\n",
                java.nio.file.StandardOpenOption.APPEND);
        RealSqitch.Result r = p.ours(ctx -> new DeployCommand(ctx).execute(DeployOptions.builder()
                .set(Map.of("value", "42")).build()));
        assertEquals(0, r.exitValue(), r.stderr());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + p.dir.resolve("flipr.db"));
             var rs = c.createStatement().executeQuery("SELECT id FROM people")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
        Files.writeString(p.dir.resolve("sqitch.conf"), "[revert \"variables\"]\n\ttable = people\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, p.oursCli("revert", "-y").exitValue());
    }
}
