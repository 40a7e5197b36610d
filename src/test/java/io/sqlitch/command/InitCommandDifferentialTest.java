package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import io.sqlitch.testing.VersionDifferences;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code sqitch init} with each option combination, through real sqitch and through InitCommand. */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class InitCommandDifferentialTest {

    @TempDir
    Path tmp;

    static InitOptions parse(List<String> argv) {
        String project = null;
        Map<String, String> o = new LinkedHashMap<>();
        Map<String, String> dirs = new LinkedHashMap<>();
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--dir")) {
                String[] kv = argv.get(++i).split("=", 2);
                dirs.put(kv[0], kv[1]);
            } else if (a.equals("--set") || a.equals("-s")) {
                String[] kv = argv.get(++i).split("=", 2);
                vars.put(kv[0], kv[1]);
            } else if (a.startsWith("--") || a.equals("-f")) {
                o.put(a.equals("-f") ? "plan-file" : a.substring(2), argv.get(++i));
            } else {
                project = a;
            }
        }
        return InitOptions.builder().project(project).uri(o.get("uri")).engine(o.get("engine"))
                .properties(TargetProperties.builder().target(o.get("target")).registry(o.get("registry"))
                        .client(o.get("client")).topDir(o.get("top-dir")).planFile(o.get("plan-file"))
                        .extension(o.get("extension")).dirs(dirs).variables(vars).build())
                .build();
    }

    private static final List<List<String>> CASES = List.of(
            List.of("flipr", "--uri", "https://github.com/sqitchers/sqitch-sqlite-intro/", "--engine", "sqlite"),
            List.of("flipr"),
            List.of("flipr", "--engine", "sqlite", "--target", "db:sqlite:flipr.db"),
            List.of("flipr", "--target", "dev", "--engine", "sqlite"),
            List.of("flipr", "--uri", "HTTPS://Example.COM:443", "--engine", "sqlite", "--target", "db:sqlite:flipr.db",
                    "--registry", "reg", "--client", "/usr/bin/sqlite3", "--top-dir", "db", "--plan-file",
                    "db/my.plan", "--extension", "sql"),
            List.of("flipr", "--engine", "sqlite", "--dir", "reworked=old"),
            List.of("flipr", "--engine", "sqlite", "--dir", "deploy=d1", "--dir", "verify=./v1"),
            List.of("flipr", "--engine", "sqlite", "--top-dir", "./db/"),
            List.of("flipr", "--engine", "sqlite", "--set", "foo=bar"),
            List.of("flipr", "--target", "dev"),
            List.of("foo:bar", "--engine", "sqlite"),
            List.of("--engine", "sqlite"));

    @Test
    void initMatchesRealSqitchForEachOptionCombination() throws Exception {
        RealSqitch.assumeSqitch();
        int n = 0;
        for (List<String> args : CASES) {
            compare("case" + n++, List.of(args), null);
        }
    }

    @Test
    void reinitAndUserConfigMatchRealSqitch() throws Exception {
        RealSqitch.assumeSqitch();
        compare("same", List.of(List.of("flipr", "--engine", "sqlite"), List.of("flipr", "--engine", "sqlite")), null);
        compare("other", List.of(List.of("flipr", "--engine", "sqlite"), List.of("other")), null);
        compare("user", List.of(List.of("flipr", "--engine", "sqlite")),
                "[engine \"sqlite\"]\n\tclient = /usr/bin/sqlite3\n\tregistry = meta\n[core]\n\ttop_dir = x\n");
    }

    @Test
    void unknownDirectoryNameIsAnErrorLikeSqitchFirstLine() {
        // Real sqitch dies with exit 255 and a Perl stack trace after this message; we keep the message, exit 2.
        Capture capture = new Capture();
        RunContext ctx = new RunContext(tmp, RealSqitch.env(tmp), Clock.systemUTC(), tmp);
        RealSqitch.Result r = capture.run(() -> new InitCommand(new CommandContext(ctx, null, capture, null))
                .execute(parse(List.of("flipr", "--engine", "sqlite", "--dir", "bogus=x", "--dir", "alpha=y"))));
        assertEquals("Unknown directory names: alpha, bogus\n", r.stderr());
        assertEquals(2, r.exitValue());
        Capture engine = new Capture();
        r = engine.run(() -> new InitCommand(new CommandContext(ctx, null, engine, null)).execute(parse(List.of("flipr", "--engine", "nosuch"))));
        assertEquals("Unknown engine \"nosuch\"\n", r.stderr());
    }

    private void compare(String label, List<List<String>> runs, String userConf) throws IOException {
        Path real = Files.createDirectories(tmp.resolve(label + "/real"));
        Path ours = Files.createDirectories(tmp.resolve(label + "/ours"));
        Path realHome = Files.createDirectories(tmp.resolve(label + "/realhome"));
        Path ourHome = Files.createDirectories(tmp.resolve(label + "/ourhome"));
        if (userConf != null) {
            Files.writeString(realHome.resolve("user.conf"), userConf);
            Files.writeString(ourHome.resolve("user.conf"), userConf);
        }
        RunContext ctx = new RunContext(ours, RealSqitch.env(ourHome), Clock.systemUTC(), ourHome);
        for (List<String> args : runs) {
            List<String> cmd = new ArrayList<>(List.of("init"));
            cmd.addAll(args);
            RealSqitch.Result expected = VersionDifferences.as161(RealSqitch.run(real, RealSqitch.env(realHome), cmd));
            Capture capture = new Capture();
            RealSqitch.Result actual = capture.run(() -> new InitCommand(new CommandContext(ctx, null, capture, null)).execute(parse(args)));
            String what = label + ": init " + String.join(" ", args);
            assertEquals(expected.stdout(), actual.stdout(), "stdout of " + what);
            assertEquals(expected.stderr(), actual.stderr(), "stderr of " + what);
            assertEquals(expected.exitValue(), actual.exitValue(), "exit of " + what);
            assertEquals(tree(real), tree(ours), "files after " + what);
        }
    }

    /** Every file and directory under a project, with file contents. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "<dir>" : Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
