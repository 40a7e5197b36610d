package io.sqlitch.command;

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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init --engine pg} and {@code add} with Sqitch's pg templates, through real sqitch and our commands. */
class PgAuthoringDifferentialTest {

    @TempDir
    Path tmp;

    @Test
    void initAndAddForPgMatchRealSqitch() throws Exception {
        RealSqitch.assumeSqitch();
        for (List<String> init : List.of(
                List.of("flipr", "--engine", "pg", "--uri", "https://github.com/sqitchers/sqitch-intro/"),
                List.of("flipr", "--engine", "pg", "--target", "db:pg:flipr_test", "--registry", "meta", "--client",
                        "/usr/bin/psql"))) {
            compare(init);
        }
    }

    private void compare(List<String> init) throws Exception {
        Path base = Files.createDirectories(tmp.resolve("c" + init.size()));
        Path real = Files.createDirectories(base.resolve("real"));
        Path ours = Files.createDirectories(base.resolve("ours"));
        Path home = Files.createDirectories(base.resolve("home"));
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = Marge N. O’Vera\n\temail = marge@example.com\n");
        Map<String, String> env = RealSqitch.env(home);
        List<String> cmd = new ArrayList<>(List.of("init"));
        cmd.addAll(init);
        List<RealSqitch.Result> want = new ArrayList<>();
        want.add(RealSqitch.run(real, env, cmd));
        want.add(RealSqitch.run(real, env, List.of("add", "appschema", "-n", "Add schema for all flipr objects.")));
        want.add(RealSqitch.run(real, env, List.of("add", "users", "-r", "appschema", "-x", "other:bad", "-n",
                "Creates table to track our users.")));

        RunContext ctx = new RunContext(ours, env, Clock.systemUTC(), home);
        List<RealSqitch.Result> got = new ArrayList<>();
        Capture c0 = new Capture();
        got.add(c0.run(() -> new InitCommand(new CommandContext(ctx, null, c0, null)).execute(InitCommandDifferentialTest.parse(init))));
        Capture c1 = new Capture();
        got.add(c1.run(() -> new AddCommand(new CommandContext(ctx, TargetOptions.none(), c1, null))
                .execute(AddOptions.of("appschema", null, null, "Add schema for all flipr objects."))));
        Capture c2 = new Capture();
        got.add(c2.run(() -> new AddCommand(new CommandContext(ctx, TargetOptions.none(), c2, null))
                .execute(AddOptions.of("users", List.of("appschema"), List.of("other:bad"),
                        "Creates table to track our users."))));
        assertEquals(want, got);
        assertEquals(files(real), files(ours));
    }

    /** Every file, the plan's timestamps masked. */
    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p)
                        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<time>"));
            }
        }
        return out;
    }
}
