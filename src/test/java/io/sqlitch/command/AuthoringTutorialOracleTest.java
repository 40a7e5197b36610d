package io.sqlitch.command;

import java.util.function.Function;
import io.sqlitch.RunContext;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays the authoring steps (add, tag, rework, plan, show) of the recorded SQLite tutorial with the plan times
 * real Sqitch wrote, comparing output, exit values, scripts and plan files byte for byte.
 */
class AuthoringTutorialOracleTest {

    private static final Path ORACLE = RealSqitch.tutorialOracle();

    @TempDir
    Path tmp;

    private Path home;

    private static String expected(String step, String ext) throws Exception {
        try (Stream<Path> files = Files.list(ORACLE)) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(step + "-")
                    && f.getFileName().toString().endsWith("." + ext)).findFirst().orElseThrow();
            return Files.readString(p, StandardCharsets.UTF_8);
        }
    }

    private CommandContext context(Path dir, String time, Capture out) {
        Map<String, String> env = Map.of("HOME", home.toString(),
                "SQITCH_USER_CONFIG", home.resolve(".sqitch/sqitch.conf").toString(),
                "SQITCH_SYSTEM_CONFIG", home.resolve("nonexistent").toString(), "TZ", "UTC");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T" + time + "Z"), ZoneOffset.UTC);
        return new CommandContext(new RunContext(dir, env, clock, home), TargetOptions.none(), out, null);
    }

    private void step(String step, Path dir, String time, Function<CommandContext, ? extends CommandResult<?>> command) throws Exception {
        Capture capture = new Capture();
        CommandContext ctx = context(dir, time, capture);
        RealSqitch.Result r = capture.run(() -> command.apply(ctx));
        assertEquals(expected(step, "out"), r.stdout(), "stdout of step " + step);
        assertEquals(expected(step, "err"), r.stderr(), "stderr of step " + step);
        assertEquals(Integer.parseInt(expected(step, "rc").trim()), r.exitValue(), "exit of step " + step);
    }

    /** {@code cat file}. */
    private static void cat(String step, Path file) throws Exception {
        assertEquals(expected(step, "out"), Files.readString(file, StandardCharsets.UTF_8), "file of step " + step);
    }

    /** {@code head -n 1000 f1 f2 ...}. */
    private static void head(String step, Path dir, String... files) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String f : files) {
            parts.add("==> " + f + " <==\n" + Files.readString(dir.resolve(f), StandardCharsets.UTF_8));
        }
        assertEquals(expected(step, "out"), String.join("\n", parts), "files of step " + step);
    }

    /** Replays a {@code cat > file <<'EOF'} step. */
    private static void edit(String step, Path dir) throws Exception {
        String cmd = expected(step, "cmd");
        int nl = cmd.indexOf('\n');
        String file = cmd.substring("cat > ".length(), cmd.indexOf(" <<'EOF'"));
        String body = cmd.substring(nl + 1);
        body = body.substring(0, body.lastIndexOf("EOF"));
        Files.writeString(dir.resolve(file), body, StandardCharsets.UTF_8);
    }

    private static void copyProject(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : List.of("sqitch.conf", "sqitch.plan")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        for (String d : List.of("deploy", "revert", "verify")) {
            Files.createDirectories(to.resolve(d));
            try (Stream<Path> s = Files.list(from.resolve(d))) {
                for (Path p : s.toList()) {
                    Files.copy(p, to.resolve(d).resolve(p.getFileName()));
                }
            }
        }
    }

    @Test
    void replaysAuthoringStepsOfTheTutorial() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        Path flipr = Files.createDirectories(tmp.resolve("flipr"));
        Files.createDirectories(home.resolve(".sqitch"));
        Files.writeString(home.resolve(".sqitch/sqitch.conf"), expected("008", "out"));
        Files.writeString(flipr.resolve("sqitch.conf"), expected("004", "out"));
        Files.writeString(flipr.resolve("sqitch.plan"), expected("009", "out"));
        for (String d : List.of("deploy", "revert", "verify")) {
            Files.createDirectories(flipr.resolve(d));
        }

        step("010", flipr, "20:26:53", c -> new AddCommand(c).execute(
                AddOptions.of("users", null, null, "Creates table to track our users.")));
        head("011", flipr, "deploy/users.sql", "revert/users.sql", "verify/users.sql");
        cat("012", flipr.resolve("sqitch.plan"));
        for (String s : List.of("013", "014")) {
            edit(s, flipr);
        }
        step("039", flipr, "20:26:57", c -> new AddCommand(c).execute(
                AddOptions.of("flips", List.of("users"), null, "Adds table for storing flips.")));
        head("040", flipr, "deploy/flips.sql", "revert/flips.sql", "verify/flips.sql");
        for (String s : List.of("041", "042", "043")) {
            edit(s, flipr);
        }
        step("054", flipr, "20:26:59", c -> new AddCommand(c).execute(AddOptions.of("userflips",
                List.of("users", "flips"), null, "Creates the userflips view.")));
        head("055", flipr, "deploy/userflips.sql", "revert/userflips.sql", "verify/userflips.sql");
        for (String s : List.of("018", "056", "057", "058")) {
            edit(s, flipr);
        }
        step("062", flipr, "20:27:00", c -> new TagCommand(c).execute(
                TagOptions.of("v1.0.0-dev1", null, "Tag v1.0.0-dev1.")));
        cat("063", flipr.resolve("sqitch.plan"));

        Path main = tmp.resolve("flipr-main");
        copyProject(flipr, main);
        step("079", main, "20:27:02", c -> new AddCommand(c).execute(
                AddOptions.of("lists", List.of("users"), null, "Adds table for storing lists.")));
        for (String s : List.of("080", "081", "082")) {
            edit(s, main);
        }
        step("083", flipr, "20:27:02", c -> new AddCommand(c).execute(
                AddOptions.of("hashtags", List.of("flips"), null, "Adds table for storing hashtags.")));
        head("084", flipr, "deploy/hashtags.sql", "revert/hashtags.sql", "verify/hashtags.sql");
        for (String s : List.of("085", "086", "087")) {
            edit(s, flipr);
        }
        for (String d : List.of("deploy", "revert", "verify")) {
            Files.copy(main.resolve(d + "/lists.sql"), flipr.resolve(d + "/lists.sql"));
        }
        String hashtags = Files.readAllLines(flipr.resolve("sqitch.plan")).stream()
                .filter(l -> l.startsWith("hashtags ")).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(flipr.resolve("sqitch.plan"), Files.readString(main.resolve("sqitch.plan")) + hashtags);
        cat("095", flipr.resolve("sqitch.plan"));

        step("098", flipr, "20:27:04", c -> new TagCommand(c).execute(
                TagOptions.of("v1.0.0-dev2", null, "Tag v1.0.0-dev2.")));
        step("100", flipr, "20:27:05", c -> new ReworkCommand(c).execute(
                ReworkOptions.of("userflips", null, null, "Adds userflips.twitter.")));
        StringBuilder ls = new StringBuilder();
        for (String d : List.of("deploy", "revert", "verify")) {
            ls.append(ls.length() == 0 ? "" : "\n").append(d).append(":\n");
            try (Stream<Path> s = Files.list(flipr.resolve(d))) {
                s.map(p -> p.getFileName().toString()).sorted().forEach(n -> ls.append(n).append('\n'));
            }
        }
        assertEquals(expected("101", "out"), ls.toString(), "ls of step 101");
        head("102", flipr, "deploy/userflips.sql", "revert/userflips.sql", "verify/userflips.sql",
                "deploy/userflips@v1.0.0-dev2.sql", "revert/userflips@v1.0.0-dev2.sql",
                "verify/userflips@v1.0.0-dev2.sql");
        cat("103", flipr.resolve("sqitch.plan"));
        for (String s : List.of("104", "105", "106")) {
            edit(s, flipr);
        }

        step("120", flipr, "21:00:00", c -> new PlanCommand(c).execute(PlanOptions.defaults()));
        step("121", flipr, "21:00:00", c -> new PlanCommand(c).execute(PlanOptions.builder().oneline(true).build()));
        step("124", flipr, "21:00:00", c -> new ShowCommand(c).execute(ShowOptions.of("change", "userflips")));
        step("125", flipr, "21:00:00", c -> new ShowCommand(c).execute(ShowOptions.of("change", "userflips@HEAD")));
        step("126", flipr, "21:00:00", c -> new ShowCommand(c).execute(
                ShowOptions.of("change", "userflips@v1.0.0-dev2")));
        step("127", flipr, "21:00:00", c -> new ShowCommand(c).execute(ShowOptions.of("tag", "v1.0.0-dev1")));
        step("128", flipr, "21:00:00", c -> new ShowCommand(c).execute(ShowOptions.of("deploy", "userflips")));
        step("129", flipr, "21:00:00", c -> new ShowCommand(c).execute(ShowOptions.of("deploy", "userflips@HEAD")));
        step("130", flipr, "21:00:00", c -> new ShowCommand(c).execute(
                ShowOptions.of("revert", "userflips@v1.0.0-dev2")));
    }
}
