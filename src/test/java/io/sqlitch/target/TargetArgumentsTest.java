package io.sqlitch.target;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.SqitchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TargetArgumentsTest {

    @TempDir
    Path tmp;

    private TargetArguments parse(List<String> args, List<String> names, boolean all) throws Exception {
        Files.writeString(tmp.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n[target \"prod\"]\n"
                + "\turi = db:sqlite:prod.db\n\tplan_file = prod.plan\n");
        Files.writeString(tmp.resolve("sqitch.plan"), "%project=x\n\nusers 2020-01-01T00:00:00Z a <a@b>\n");
        Files.writeString(tmp.resolve("prod.plan"), "%project=x\n\n");
        RunContext ctx = new RunContext(tmp, Map.of("SQITCH_USER_CONFIG", tmp.resolve("u").toString(),
                "SQITCH_SYSTEM_CONFIG", tmp.resolve("s").toString()), Clock.systemUTC(), tmp);
        return TargetArguments.parse(SqitchConfig.load(ctx), ctx, "deploy", TargetOptions.none(), args, names,
                (target, change) -> target.planFile().equals("sqitch.plan") && change.equals("users"), all);
    }

    @Test
    void classifiesChangesTargetsEnginesAndPlanFiles() throws Exception {
        TargetArguments a = parse(List.of("users", "prod", "db:sqlite:x.db", "sqlite", "prod.plan"), List.of(), false);
        assertEquals(List.of("users"), a.changes());
        assertEquals(List.of("prod", "db:sqlite:x.db", "db:sqlite:"),
                a.targets().stream().map(Target::name).toList());
        TargetArguments none = parse(List.of(), List.of(), false);
        assertEquals(List.of("db:sqlite:"), none.targets().stream().map(Target::name).toList());
    }

    @Test
    void fillsNamesFromUnknownsAndRejectsTheRest() throws Exception {
        TargetArguments a = parse(List.of("newchange"), Arrays.asList((String) null), false);
        assertEquals(List.of("newchange"), a.names());
        assertEquals("Unknown argument \"zz\"", assertThrows(SqitchException.class,
                () -> parse(List.of("zz"), List.of(), false)).getMessage());
        assertEquals("Unknown arguments: zz, yy", assertThrows(SqitchException.class,
                () -> parse(List.of("zz", "yy"), List.of(), false)).getMessage());
        assertEquals("Cannot specify both --all and engine, target, or plan arugments",
                assertThrows(SqitchException.class, () -> parse(List.of("prod"), List.of(), true)).getMessage());
    }
}
