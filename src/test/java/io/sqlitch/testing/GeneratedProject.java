package io.sqlitch.testing;

import io.sqlitch.RunContext;
import io.sqlitch.command.CommandContext;
import io.sqlitch.target.TargetOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * A generated SQLite project of {@code n} changes {@code t00001…} (each creates a table and requires the previous
 * one, scripts in Sqitch's BEGIN…COMMIT template shape), a tag {@code @vK} after every 50th change, fixed plan
 * timestamps (stable change ids), target {@code db:sqlite:bench.db}, registry {@code sqitch.db}; the same shape
 * {@code bench/run.sh} generates. A hermetic home with a user.conf sits beside the project.
 */
public record GeneratedProject(Path dir, Path home, Map<String, String> env) {

    public static final String PLANNER = "Bench Marker <bench@example.com>";

    public static GeneratedProject create(Path root, int n) {
        Path dir = root.resolve("project");
        Path home = root.resolve("home");
        try {
            for (String d : new String[] {"deploy", "revert", "verify"}) {
                Files.createDirectories(dir.resolve(d));
            }
            Files.createDirectories(home);
            Files.writeString(home.resolve("user.conf"), "[user]\n\tname = Bench Marker\n\temail = bench@example.com\n");
            Files.writeString(dir.resolve("sqitch.conf"),
                    "[core]\n\tengine = sqlite\n[engine \"sqlite\"]\n\ttarget = db:sqlite:bench.db\n");
            StringBuilder plan = new StringBuilder("%syntax-version=1.0.0\n%project=bench\n\n");
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 1; i <= n; i++) {
                String name = name(i);
                plan.append(name);
                if (i > 1) {
                    plan.append(" [").append(name(i - 1)).append(']');
                }
                plan.append(' ').append(t0.plusSeconds(i)).append(' ').append(PLANNER).append(" # Adds ")
                        .append(name).append(".\n");
                write(dir.resolve("deploy/" + name + ".sql"),
                        "BEGIN;\nCREATE TABLE " + name + " (id INTEGER PRIMARY KEY, v TEXT);\nCOMMIT;\n");
                write(dir.resolve("revert/" + name + ".sql"), "BEGIN;\nDROP TABLE " + name + ";\nCOMMIT;\n");
                write(dir.resolve("verify/" + name + ".sql"),
                        "BEGIN;\nSELECT id, v FROM " + name + " WHERE 0;\nROLLBACK;\n");
                if (i % 50 == 0) {
                    plan.append("@v").append(i / 50).append(' ').append(t0.plusSeconds(i)).append(' ')
                            .append(PLANNER).append(" # Tag v").append(i / 50).append(".\n");
                }
            }
            write(dir.resolve("sqitch.plan"), plan.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedProject(dir, home, RealSqitch.env(home));
    }

    public static String name(int i) {
        return String.format("t%05d", i);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A command context on this project, answering every prompt with its default. */
    public CommandContext context(Capture out) {
        return new CommandContext(new RunContext(dir, env, Clock.systemUTC(), home), TargetOptions.none(), out,
                (question, defaultYes) -> defaultYes);
    }
}
