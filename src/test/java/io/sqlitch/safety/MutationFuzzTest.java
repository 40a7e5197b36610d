package io.sqlitch.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.command.AddCommand;
import io.sqlitch.command.AddOptions;
import io.sqlitch.command.CommandContext;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.plan.PlanParser;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random byte and line mutations of a valid plan and a valid config: each parses, or fails with a
 * {@link SqitchException} naming the file, never another exception; a command that fails on such a file leaves
 * every file's bytes as they were.
 */
class MutationFuzzTest {

    static final int MUTANTS = 300; // of each kind: 600 files in all
    static final long SEED = 0x5A17C4L;

    static final String PLAN = """
            %syntax-version=1.0.0
            %project=flipr
            %uri=https://github.com/sqitchers/sqitch-sqlite-intro/

            appschema 2013-12-30T23:19:01Z Marge N. O’Vera <marge@example.com> # App schema.
            users [appschema] 2013-12-30T23:49:00Z Marge N. O’Vera <marge@example.com> # Creates table to track our users.
            flips [users flipr:appschema !nothing] 2013-12-31T00:00:20Z Marge N. O’Vera <marge@example.com> # Adds table for storing flips.
            @v1.0.0-dev1 2013-12-31T00:11:34Z Marge N. O’Vera <marge@example.com> # Tag v1.0.0-dev1.

            userflips [users flips] 2013-12-31T00:20:13Z Marge N. O’Vera <marge@example.com> # Creates the userflips view.
            @v1.0.0-dev2 2013-12-31T00:23:45Z Marge N. O’Vera <marge@example.com> # Tag v1.0.0-dev2.
            userflips [userflips@v1.0.0-dev2] 2013-12-31T00:30:00Z Marge N. O’Vera <marge@example.com> # Adds twitter.
              - old_thing 2014-01-01T00:00:00Z Ann <ann@x.org>
            """;

    static final String CONFIG = """
            [core]
            \tengine = sqlite
            \ttop_dir = .
            # a comment
            ; another
            [engine "sqlite"]
            \ttarget = db:sqlite:flipr.db
            \tclient = /usr/bin/sqlite3
            [target "prod"]
            \turi = "db:sqlite:prod.db" ; trailing
            [deploy]
            \tverify = true
            [core.variables]
            \tname = "quoted \\"value\\" with \\\\ and \\t tab"
            \tcontinued = one \\
            two
            """;

    @TempDir
    Path tmp;

    @Test
    void mutatedPlansParseOrFailWithSqitchErrorsNamingTheFile() {
        Random random = new Random(SEED);
        int failures = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] bytes = Mutator.mutate(PLAN.getBytes(StandardCharsets.UTF_8), random);
            try {
                PlanParser.parse(bytes, "sqitch.plan");
            } catch (SqitchException e) {
                failures++;
                // Sqitch's dependency-order error is about the plan as a whole and names changes, not lines.
                assertTrue(e.getMessage().contains("sqitch.plan") || e.getMessage().startsWith("Dependency error"),
                        "error names neither file nor line: " + e.getMessage() + "\n" + show(bytes));
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " threw " + e + "\n" + show(bytes), e);
            }
        }
        assertTrue(failures > MUTANTS / 4, "mutations too weak: " + failures);
    }

    @Test
    void mutatedConfigsLoadOrFailWithSqitchErrors() throws IOException {
        Random random = new Random(SEED + 1);
        Path file = tmp.resolve("sqitch.conf");
        int failures = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] bytes = Mutator.mutate(CONFIG.getBytes(StandardCharsets.UTF_8), random);
            Files.write(file, bytes);
            try {
                SqitchConfig config = SqitchConfig.ofFile(file);
                config.get("core.engine");
                config.getAll("core.variables.name");
                config.subsections("target");
            } catch (SqitchException e) {
                failures++;
                assertFalse(e.getMessage().isBlank());
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " threw " + e + "\n" + show(bytes), e);
            }
            assertArrayEquals(bytes, Files.readAllBytes(file));
        }
        assertTrue(failures > 0, "no config mutant failed");
    }

    /** {@code sqitch add} on a project whose plan or config is broken fails and rewrites nothing. */
    @Test
    void failingAddLeavesBrokenFilesByteForByte() throws IOException {
        Random random = new Random(SEED + 2);
        Path dir = tmp.resolve("p");
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("user.conf"), "[user]\n\tname = Fuzz\n\temail = fuzz@example.com\n");
        int checked = 0;
        for (int i = 0; i < 120 && checked < 40; i++) {
            boolean planMutant = i % 2 == 0;
            byte[] plan = PLAN.getBytes(StandardCharsets.UTF_8);
            byte[] conf = CONFIG.getBytes(StandardCharsets.UTF_8);
            if (planMutant) {
                plan = Mutator.mutate(plan, random);
            } else {
                conf = Mutator.mutate(conf, random);
            }
            Path d = dir.resolve("run" + i);
            Files.createDirectories(d);
            Files.write(d.resolve("sqitch.plan"), plan);
            Files.write(d.resolve("sqitch.conf"), conf);
            Capture out = new Capture();
            CommandContext ctx = new CommandContext(new RunContext(d, RealSqitch.env(home), Clock.systemUTC(), home),
                    TargetOptions.none(), out, (q, y) -> y);
            RealSqitch.Result r;
            try {
                r = out.run(() -> new AddCommand(ctx).execute(AddOptions.of("fuzzed", List.of(), List.of(), "n")));
            } catch (RuntimeException e) {
                fail("add on mutant " + i + " threw " + e + "\n" + show(planMutant ? plan : conf), e);
                return;
            }
            if (r.exitValue() != 0) {
                checked++;
                assertFalse(r.stderr().contains("\tat "), r.stderr());
                assertArrayEquals(plan, Files.readAllBytes(d.resolve("sqitch.plan")), "plan rewritten");
                assertArrayEquals(conf, Files.readAllBytes(d.resolve("sqitch.conf")), "config rewritten");
                try (var files = Files.list(d)) {
                    assertTrue(files.allMatch(f -> List.of("sqitch.plan", "sqitch.conf")
                            .contains(f.getFileName().toString())), "files written by a failed add");
                }
            }
        }
        assertTrue(checked >= 10, "too few failing adds: " + checked);
    }

    static String show(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8) + "\n[hex " + HexFormat.of().formatHex(bytes) + "]";
    }

    /** Seeded mutations: byte flips, special characters, line deletes/duplicates/swaps, truncation. */
    static final class Mutator {
        private static final byte[] SPECIAL = " \t\r\n\0@#%[]:!=\"'\\;^~<>-+/\u00ff\u00c3"
                .getBytes(StandardCharsets.ISO_8859_1);

        static byte[] mutate(byte[] input, Random random) {
            byte[] b = input;
            int rounds = 1 + random.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                b = switch (random.nextInt(7)) {
                    case 0 -> flip(b, random);
                    case 1 -> insert(b, random);
                    case 2 -> lines(b, random, 0);
                    case 3 -> lines(b, random, 1);
                    case 4 -> lines(b, random, 2);
                    case 5 -> Arrays.copyOf(b, random.nextInt(b.length + 1));
                    default -> replace(b, random);
                };
            }
            return b;
        }

        private static byte[] flip(byte[] b, Random random) {
            if (b.length == 0) {
                return b;
            }
            byte[] c = b.clone();
            c[random.nextInt(c.length)] = (byte) random.nextInt(256);
            return c;
        }

        private static byte[] replace(byte[] b, Random random) {
            if (b.length == 0) {
                return b;
            }
            byte[] c = b.clone();
            c[random.nextInt(c.length)] = SPECIAL[random.nextInt(SPECIAL.length)];
            return c;
        }

        private static byte[] insert(byte[] b, Random random) {
            int at = random.nextInt(b.length + 1);
            byte[] c = new byte[b.length + 1];
            System.arraycopy(b, 0, c, 0, at);
            c[at] = SPECIAL[random.nextInt(SPECIAL.length)];
            System.arraycopy(b, at, c, at + 1, b.length - at);
            return c;
        }

        /** 0: delete a line, 1: duplicate one, 2: swap two. */
        private static byte[] lines(byte[] b, Random random, int op) {
            List<String> lines = new ArrayList<>(Arrays.asList(
                    new String(b, StandardCharsets.ISO_8859_1).split("(?<=\n)", -1)));
            if (lines.size() < 2) {
                return b;
            }
            int i = random.nextInt(lines.size());
            int j = random.nextInt(lines.size());
            switch (op) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(j, lines.get(i));
                default -> {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
            }
            return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
