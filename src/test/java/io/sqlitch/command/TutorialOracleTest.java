package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Replays the config/init/target/engine steps of the recorded SQLite tutorial and compares with the oracle. */
class TutorialOracleTest {

    private static final Path ORACLE = RealSqitch.tutorialOracle();

    @TempDir
    Path tmp;

    private Path project;
    private RunContext ctx;

    private String expected(String step, String ext) throws Exception {
        try (var files = Files.list(ORACLE)) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(step + "-")
                    && f.getFileName().toString().endsWith("." + ext)).findFirst().orElseThrow();
            return Files.readString(p, StandardCharsets.UTF_8);
        }
    }

    private void step(String step, java.util.function.Function<Capture, ? extends CommandResult<?>> command) throws Exception {
        Capture capture = new Capture();
        RealSqitch.Result r = capture.run(() -> command.apply(capture));
        assertEquals(expected(step, "out"), r.stdout(), "stdout of step " + step);
        assertEquals(expected(step, "err"), r.stderr(), "stderr of step " + step);
        assertEquals(Integer.parseInt(expected(step, "rc").trim()), r.exitValue(), "exit of step " + step);
    }

    private void cat(String step, Path file) throws Exception {
        assertEquals(expected(step, "out"), Files.readString(file, StandardCharsets.UTF_8), "file of step " + step);
    }

    @Test
    void replaysConfigInitTargetAndEngineSteps() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        project = Files.createDirectories(tmp.resolve("flipr"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("SQITCH_USER_CONFIG", home.resolve(".sqitch/sqitch.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", home.resolve("nonexistent").toString());
        ctx = new RunContext(project, env, Clock.systemUTC(), home);

        step("003", c -> new InitCommand(new CommandContext(ctx, null, c, null)).execute(InitOptions.builder().project("flipr")
                .uri("https://github.com/sqitchers/sqitch-sqlite-intro/").engine("sqlite").build()));
        cat("004", project.resolve("sqitch.conf"));
        step("005", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(
                ConfigOptions.of("user", null, null, "engine.sqlite.client", "/usr/bin/sqlite3")));
        step("006", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(
                ConfigOptions.of("user", null, null, "user.name", "Marge N. O’Vera")));
        step("007", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(
                ConfigOptions.of("user", null, null, "user.email", "marge@example.com")));
        cat("008", home.resolve(".sqitch/sqitch.conf"));
        cat("009", project.resolve("sqitch.plan"));
        step("033", c -> new TargetCommand(new CommandContext(ctx, null, c, null)).execute(
                TargetCommandOptions.of("add", "flipr_test", "db:sqlite:flipr_test.db")));
        step("034", c -> new EngineCommand(new CommandContext(ctx, null, c, null)).execute(TargetCommandOptions.of("add", "sqlite", "flipr_test")));
        step("036", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(
                ConfigOptions.of(null, "bool", null, "deploy.verify", "true")));
        step("037", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(
                ConfigOptions.of(null, "bool", null, "rebase.verify", "true")));
        cat("038", project.resolve("sqitch.conf"));
        step("131", c -> new TargetCommand(new CommandContext(ctx, null, c, null)).execute(TargetCommandOptions.of(null)));
        step("132", c -> new TargetCommand(new CommandContext(ctx, null, c, null)).execute(TargetCommandOptions.of("show", "flipr_test")));
        step("133", c -> new EngineCommand(new CommandContext(ctx, null, c, null)).execute(TargetCommandOptions.of(null)));
        step("134", c -> new EngineCommand(new CommandContext(ctx, null, c, null)).execute(TargetCommandOptions.of("show", "sqlite")));
        step("135", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(ConfigOptions.of(null, null, "list")));
        step("136", c -> new ConfigCommand(new CommandContext(ctx, null, c, null)).execute(ConfigOptions.of(null, null, null, "engine.sqlite.target")));
        assertEquals(List.of("deploy", "revert", "sqitch.conf", "sqitch.plan", "verify"),
                Files.list(project).map(p -> p.getFileName().toString()).sorted().toList());
    }
}
