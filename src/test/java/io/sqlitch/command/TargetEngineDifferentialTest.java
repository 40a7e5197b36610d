package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch of {@code sqitch target}/{@code engine} commands in one project, real sqitch against ours. */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class TargetEngineDifferentialTest {

    @TempDir
    Path tmp;

    static TargetCommandOptions parse(List<String> argv) {
        boolean verbose = false;
        String action = null;
        List<String> args = new ArrayList<>();
        Map<String, String> o = new LinkedHashMap<>();
        Map<String, String> dirs = new LinkedHashMap<>();
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-v")) {
                verbose = true;
            } else if (a.equals("--dir")) {
                String[] kv = argv.get(++i).split("=", 2);
                dirs.put(kv[0], kv[1]);
            } else if (a.equals("--set")) {
                String[] kv = argv.get(++i).split("=", 2);
                vars.put(kv[0], kv[1]);
            } else if (a.startsWith("--")) {
                o.put(a.substring(2), argv.get(++i));
            } else if (action == null) {
                action = a;
            } else {
                args.add(a);
            }
        }
        return new TargetCommandOptions(verbose, action, args, TargetProperties.builder().uri(o.get("uri"))
                .target(o.get("target")).registry(o.get("registry")).client(o.get("client")).topDir(o.get("top-dir"))
                .planFile(o.get("plan-file")).extension(o.get("extension")).dirs(dirs).variables(vars).build());
    }

    private static final List<List<String>> OPS = List.of(
            List.of("init", "flipr", "--engine", "sqlite", "--uri", "https://example.com/flipr"),
            List.of("target", "add", "flipr_test", "db:sqlite:flipr_test.db"),
            List.of("engine", "add", "sqlite", "flipr_test"),
            List.of("target"),
            List.of("target", "-v"),
            List.of("target", "show", "flipr_test"),
            List.of("engine"),
            List.of("engine", "-v", "list"),
            List.of("engine", "show", "sqlite"),
            List.of("target", "add", "prod", "db:sqlite:prod.db", "--registry", "meta"),
            List.of("target", "add", "other", "db:sqlite:o.db", "--plan-file", "other.plan"),
            List.of("target", "add", "split", "db:sqlite:s.db", "--top-dir", "split"),
            List.of("target", "alter", "prod", "--client", "/usr/bin/sqlite3"),
            List.of("target", "alter", "prod", "--dir", "deploy=prod_deploy"),
            List.of("target", "alter", "nope", "--client", "x"),
            List.of("target", "add", "flipr_test", "db:sqlite:x.db"),
            List.of("target", "add", "vars", "db:sqlite:v.db", "--set", "foo=bar"),
            List.of("target", "show", "vars", "prod", "split"),
            List.of("target", "rename", "prod", "production"),
            List.of("target", "remove", "flipr_test"),
            List.of("target", "rm", "other"),
            List.of("target", "rm", "ghost"),
            List.of("target", "show", "production"),
            List.of("target", "show", "ghost"),
            List.of("engine", "add", "pg"),
            List.of("engine", "alter", "sqlite", "--registry", "reg"),
            List.of("engine", "alter", "mysql", "--registry", "reg"),
            List.of("engine", "alter", "sqlite", "--target", "db:pg:x"),
            List.of("engine", "add", "sqlite"),
            List.of("engine", "show", "sqlite", "pg"),
            List.of("engine", "remove", "pg"),
            List.of("engine", "rm", "mysql"),
            List.of("engine", "-v"),
            List.of("target", "bogus"),
            List.of("target", "add"),
            List.of("engine", "show", "mysql"));

    @Test
    void targetAndEngineBatchMatchesRealSqitch() throws Exception {
        RealSqitch.assumeSqitch();
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path ours = Files.createDirectories(tmp.resolve("ours"));
        Path realHome = Files.createDirectories(tmp.resolve("realhome"));
        Path ourHome = Files.createDirectories(tmp.resolve("ourhome"));
        RunContext ctx = new RunContext(ours, RealSqitch.env(ourHome), Clock.systemUTC(), ourHome);
        for (List<String> op : OPS) {
            List<String> cmd = new ArrayList<>();
            List<String> rest = new ArrayList<>(op.subList(1, op.size()));
            cmd.add(op.get(0));
            if (rest.contains("-v")) {
                // sqitch wants -v before the command; the command parses it too.
                cmd.add(0, "-v");
            }
            rest.stream().filter(a -> !a.equals("-v")).forEach(cmd::add);
            RealSqitch.Result expected = RealSqitch.run(real, RealSqitch.env(realHome), cmd);
            Capture capture = new Capture();
            RealSqitch.Result actual = capture.run(() -> {
                return switch (op.get(0)) {
                    case "init" -> new InitCommand(new CommandContext(ctx, null, capture, null)).execute(InitCommandDifferentialTest.parse(rest));
                    case "target" -> new TargetCommand(new CommandContext(ctx, null, capture, null)).execute(parse(rest));
                    default -> new EngineCommand(new CommandContext(ctx, null, capture, null)).execute(parse(rest));
                };
            });
            String label = String.join(" ", cmd);
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + label);
            assertEquals(expected.stderr(), actual.stderr(), "stderr of " + label);
            assertEquals(expected.exitValue(), actual.exitValue(), "exit of " + label);
            assertEquals(InitCommandDifferentialTest.tree(real), InitCommandDifferentialTest.tree(ours),
                    "files after " + label);
        }
    }
}
