package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the same batch of {@code sqitch config} operations through real sqitch and through ConfigCommand. */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class ConfigCommandDifferentialTest {

    @TempDir
    Path tmp;

    /** Turns a sqitch config command line into options, as the CLI would. */
    static ConfigOptions parse(List<String> argv) {
        String file = null;
        boolean local = false;
        boolean user = false;
        boolean system = false;
        List<String> types = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "-f", "--file", "--config-file" -> file = argv.get(++i);
                case "--local" -> local = true;
                case "--user", "--global" -> user = true;
                case "--system" -> system = true;
                case "--bool", "--int", "--num", "--bool-or-int" -> types.add(a.substring(2));
                case "-l" -> actions.add("list");
                case "-e" -> actions.add("edit");
                default -> {
                    if (a.startsWith("--")) {
                        actions.add(a.substring(2));
                    } else {
                        args.add(a);
                    }
                }
            }
        }
        return ConfigOptions.builder().file(file).local(local).user(user).system(system).types(types)
                .actions(actions).args(args).build();
    }

    private static final String HAND_WRITTEN = """
            # A hand-written file
            [Core]
              engine=sqlite   ; trailing comment
            \tcolor = "  spaced  "   # quoted
            [core "variables"]
            \tfoo = bar
            \tflag
            
            [alias]
            \tx = a   b\\tc
            ; comment at the end
            [multi]
            \tv = one
            \tv = two
            \tv = three
            """;

    private static final List<List<String>> OPS = List.of(
            List.of("config", "core.engine"),
            List.of("config", "core.color"),
            List.of("config", "core.variables.flag"),
            List.of("config", "--bool", "core.variables.flag"),
            List.of("config", "alias.x"),
            List.of("config", "multi.v"),
            List.of("config", "--get-all", "multi.v"),
            List.of("config", "--get-all", "multi.v", "t"),
            List.of("config", "--get-regexp", "core"),
            List.of("config", "--get-regexp", "multi"),
            List.of("config", "--get-regexp", "nothing"),
            List.of("config", "--list"),
            List.of("config", "--local", "--list"),
            List.of("config", "--user", "--list"),
            List.of("config", "core.missing"),
            List.of("config", "core.engine", "pg"),
            List.of("config", "core.top_dir", "db"),
            List.of("config", "core.variables.new", "value"),
            List.of("config", "user.name", "Marge N. O’Vera"),
            List.of("config", "user.quoted", " lead"),
            List.of("config", "user.hash", "a#b;c"),
            List.of("config", "user.escapes", "back\\slash \"q\" tab\tend"),
            List.of("config", "user.escapes"),
            List.of("config", "target.dev.uri", "db:sqlite:dev.db"),
            List.of("config", "target.My.Sub.uri", "x"),
            List.of("config", "Target.dev.URI", "db:sqlite:dev2.db"),
            List.of("config", "multi.v", "x"),
            List.of("config", "--add", "multi.v", "four"),
            List.of("config", "--add", "core.variables.foo", "baz"),
            List.of("config", "--unset", "multi.v"),
            List.of("config", "--unset", "nope.nope"),
            List.of("config", "--unset", "core.top_dir"),
            List.of("config", "--unset-all", "multi.v", "^t"),
            List.of("config", "--replace-all", "multi.v", "all"),
            List.of("config", "--bool", "deploy.verify", "yes"),
            List.of("config", "--bool", "deploy.verify2", "maybe"),
            List.of("config", "--int", "deploy.n", "1k"),
            List.of("config", "--int", "deploy.n"),
            List.of("config", "--bool", "core.engine"),
            List.of("config", "--rename-section", "alias", "renamed"),
            List.of("config", "--rename-section", "nosuch", "other"),
            List.of("config", "--remove-section", "core.variables"),
            List.of("config", "--remove-section", "nosuch"),
            List.of("config", "nosection"),
            List.of("config", "nosection", "v"),
            List.of("config", "a b", "v"),
            List.of("config"),
            List.of("config", "--local", "--user", "a.b"),
            List.of("config", "--user", "user.email", "me@example.com"),
            List.of("config", "--get", "user.email"),
            List.of("config", "-f", "other/x.conf", "a.b", "c"),
            List.of("config", "-f", "other/x.conf", "--list"),
            List.of("config", "--list"));

    private static final String ODD = "[core] engine = sqlite\r\n[Target \"Dev \\\"q\\\" \\\\ x\"]\r\n"
            + "\turi = db:sqlite:dev.db # c\r\n[empty]\r\n\r\n\r\n[n]\r\n\tzero = 0\r\n\r\n\r\n";

    private static final List<List<String>> ODD_OPS = List.of(
            List.of("config", "--list"),
            List.of("config", "--get-regexp", "^target"),
            List.of("config", "core.engine", "pg"),
            List.of("config", "n.zero", "0"),
            List.of("config", "n.empty", ""),
            List.of("config", "n.empty"),
            List.of("config", "--add", "n.zero", "0"),
            List.of("config", "--get", "n.zero", "^0$"),
            List.of("config", "--replace-all", "n.zero", "5", "0"),
            List.of("config", "--unset", "n.zero", "5"),
            List.of("config", "--num", "n.f", "1.50"),
            List.of("config", "--get-regexp", "n[.]", "!^5"),
            List.of("config", "empty.key", "new"),
            List.of("config", "--rename-section", "empty", "full"),
            List.of("config", "--remove-section", "n"),
            List.of("config", "--system", "a.b", "c"),
            List.of("config", "--system", "--list"),
            List.of("config", "--list"));

    /** A deliberate difference: Sqitch 1.3.1 dies on its own --bool-or-int (a Perl type check); ours casts. */
    @Test
    void boolOrIntCastsAsGitDoesWhereSqitchCrashes() throws Exception {
        Files.writeString(tmp.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
        RunContext ctx = new RunContext(tmp, RealSqitch.env(tmp), Clock.systemUTC(), tmp);
        for (List<String> op : List.of(List.of("--bool-or-int", "n.b", "2k"), List.of("--bool-or-int", "n.c", "off"))) {
            Capture capture = new Capture();
            RealSqitch.Result r = capture.run(() -> new ConfigCommand(new CommandContext(ctx, null, capture, null)).execute(parse(op)));
            assertEquals(0, r.exitValue(), r.stderr());
        }
        assertEquals("[core]\n\tengine = sqlite\n[n]\n\tb = 2048\n\tc = false\n", read(tmp.resolve("sqitch.conf")));
        Capture get = new Capture();
        get.run(() -> new ConfigCommand(new CommandContext(ctx, null, get, null)).execute(parse(List.of("--bool-or-int", "--get", "n.b"))));
        assertEquals("2048\n", get.stdout());
    }

    @Test
    void oddFileBatchMatchesRealSqitch() throws Exception {
        runBatch(ODD, ODD_OPS);
    }

    @Test
    void configBatchMatchesRealSqitch() throws Exception {
        runBatch(HAND_WRITTEN, OPS);
        // The batch really edited the file: the renamed section and the replaced multi-value are there.
        String finalText = read(tmp.resolve("ours").resolve("sqitch.conf"));
        org.junit.jupiter.api.Assertions.assertTrue(finalText.contains("[renamed]") && finalText.contains("v = all"),
                finalText);
    }

    private void runBatch(String initial, List<List<String>> ops) throws Exception {
        RealSqitch.assumeSqitch();
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path ours = Files.createDirectories(tmp.resolve("ours"));
        Path realHome = Files.createDirectories(tmp.resolve("realhome"));
        Path ourHome = Files.createDirectories(tmp.resolve("ourhome"));
        Files.writeString(real.resolve("sqitch.conf"), initial);
        Files.writeString(ours.resolve("sqitch.conf"), initial);
        Map<String, String> realEnv = RealSqitch.env(realHome);
        RunContext ctx = new RunContext(ours, RealSqitch.env(ourHome), Clock.systemUTC(), ourHome);
        for (List<String> op : ops) {
            RealSqitch.Result expected = RealSqitch.run(real, realEnv, op);
            Capture capture = new Capture();
            RealSqitch.Result actual = capture.run(
                    () -> new ConfigCommand(new CommandContext(ctx, null, capture, null)).execute(parse(op.subList(1, op.size()))));
            String label = String.join(" ", op);
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + label);
            assertEquals(expected.stderr().replace(realHome.toString(), "HOME"),
                    actual.stderr().replace(ourHome.toString(), "HOME"), "stderr of " + label);
            assertEquals(expected.exitValue(), actual.exitValue(), "exit of " + label);
            assertEquals(read(real.resolve("sqitch.conf")), read(ours.resolve("sqitch.conf")), "sqitch.conf after " + label);
            assertEquals(read(realHome.resolve("user.conf")), read(ourHome.resolve("user.conf")), "user.conf after " + label);
            assertEquals(read(real.resolve("other/x.conf")), read(ours.resolve("other/x.conf")), "x.conf after " + label);
            assertEquals(read(realHome.resolve("nonexistent")), read(ourHome.resolve("nonexistent")),
                    "system file after " + label);
        }
    }

    private static String read(Path p) throws Exception {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<absent>";
    }
}
