package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the recorded SQLite tutorial with real sqitch; at every status/log/bundle step our command runs first on
 * the same files, and its output must equal both real sqitch's output now and the recorded oracle (dates and ids
 * masked, as the replay has its own). Then, on the tutorial's final project, redeployed with a failing change, it
 * compares status, log, check and upgrade variants with real sqitch.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class ReportingTutorialDifferentialTest {

    private static final Path ORACLE = RealSqitch.tutorialOracle();

    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Path root;

    @Test
    void reportingStepsMatchRealSqitchAndTheOracle() throws Exception {
        RealSqitch.assumeSqitch();
        root = tmp;
        Path home = Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("etc"));
        env = new HashMap<>(RealSqitch.env(home));
        env.put("SQITCH_USER_CONFIG", home.resolve(".sqitch/sqitch.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", root.resolve("etc/sqitch.conf").toString());
        int compared = 0;
        try (Stream<Path> files = Files.list(ORACLE)) {
            for (Path cmdFile : files.filter(f -> f.toString().endsWith(".cmd")).sorted().toList()) {
                String step = cmdFile.getFileName().toString().replaceFirst("\\.cmd$", "");
                String cmd = Files.readString(cmdFile, StandardCharsets.UTF_8);
                Path cwd = root.resolve(read(step, "cwd").strip());
                List<String> argv = Arrays.asList(cmd.strip().split(" "));
                if (!cmd.strip().contains("\n") && argv.get(0).equals("sqitch")
                        && List.of("status", "log", "bundle").contains(argv.get(1))) {
                    compareStep(step, cwd, argv.subList(1, argv.size()));
                    compared++;
                } else {
                    Path in = ORACLE.resolve(step + ".in");
                    bash(cwd, cmd, Files.exists(in) ? in : null);
                }
            }
        }
        assertEquals(19, compared, "reporting steps replayed");
        finalProjectVariants(root.resolve("flipr"));
    }

    private void compareStep(String step, Path cwd, List<String> args) throws Exception {
        Capture capture = new Capture();
        RealSqitch.Result ours = capture.run(() -> ours(cwd, args, capture));
        Map<String, String> ourTree = null;
        Path dest = null;
        if (args.get(0).equals("bundle")) {
            dest = cwd.resolve(args.contains("--dest-dir") ? args.get(args.indexOf("--dest-dir") + 1) : "bundle");
            ourTree = tree(dest);
            delete(dest);
        }
        RealSqitch.Result real = bash(cwd, "sqitch " + String.join(" ", args), null);
        assertSame(real, ours, step);
        assertEquals(mask(read(step, "out")), mask(ours.stdout()), "stdout of oracle step " + step);
        assertEquals(mask(read(step, "err")), mask(ours.stderr()), "stderr of oracle step " + step);
        assertEquals(Integer.parseInt(read(step, "rc").strip()), ours.exitValue(), "exit of oracle step " + step);
        if (ourTree != null) {
            assertEquals(tree(dest), ourTree, "bundle tree of " + step);
        }
    }

    /** Variants on the final project: redeployed, plus a change whose deploy fails (a fail event). */
    private void finalProjectVariants(Path flipr) throws Exception {
        bash(flipr, "sqitch deploy", null);
        bash(flipr, "sqitch add broken -n 'Breaks on purpose.' && printf 'CREATE TABLE nope (;\\n' > deploy/broken.sql"
                + " && sqitch deploy; sqitch tag v9 -n 'Nine.'", null);
        List<List<String>> variants = new ArrayList<>(List.of(
                List.of("status", "--show-changes", "--show-tags"),
                List.of("status", "--date-format", "rfc"),
                List.of("status", "--date-format", "raw", "--show-changes"),
                List.of("status", "--date-format", "strftime:%Y/%m/%d", "--show-tags"),
                List.of("status", "--date-format", "bogus"),
                List.of("status", "--project", "nope"),
                List.of("status", "db:sqlite:other.db"),
                List.of("log"),
                List.of("log", "--format", "short"),
                List.of("log", "--format", "oneline"),
                List.of("log", "--format", "format:%e %H %n|%s|%b|%{date:rfc}c|%{date}p|%{5}h|%L%v%o"),
                List.of("log", "--date-format", "rfc"),
                List.of("log", "--date-format", "long"),
                List.of("log", "--event", "fail"),
                List.of("log", "--event", "revert", "--event", "fail", "--oneline"),
                List.of("log", "--change-pattern", "^(user|flip)"),
                List.of("log", "--project-pattern", "fli", "-n", "3"),
                List.of("log", "--committer-pattern", "Nobody"),
                List.of("log", "--max-count", "4", "--skip", "3", "--reverse"),
                List.of("log", "--oneline", "--abbrev", "10", "--no-headers"),
                List.of("log", "--format", "nonesuch"),
                List.of("log", "db:sqlite:other.db"),
                List.of("check"),
                List.of("check", "--from", "flips", "--to", "hashtags"),
                List.of("check", "--to", "nonesuch"),
                List.of("upgrade"),
                List.of("upgrade", "db:sqlite:other.db")));
        for (List<String> args : variants) {
            compareWithReal(flipr, args);
        }
        compareBundle(flipr, List.of("bundle", "--dest-dir", "b1", "--from", "lists", "--to", "hashtags"));
        compareBundle(flipr, List.of("bundle", "--dest-dir", "b2", "--to", "@v1.0.0-dev1"));
        compareBundle(flipr, List.of("bundle", "--dest-dir", "b3", "--from", "nonesuch"));
        compareBundle(flipr, List.of("bundle", "--dest-dir", "b4", "flipr_test"));
        compareBundle(flipr, List.of("bundle", "--dest-dir", "b5", "flipr_test", "lists", "hashtags"));
        compareBundle(flipr, List.of("bundle", "--dest-dir", "b6", "--from", "lists", "flipr_test", "users"));
        // A registry at 1.0 (its release row rewritten): check refuses, upgrade reruns the 1.1 script.
        String downgrade = "sqlite3 sqitch.db 'UPDATE releases SET version = 1.0 WHERE NOT EXISTS"
                + " (SELECT 1 FROM releases WHERE version = 1.0); DELETE FROM releases WHERE version > 1.0'";
        bash(flipr, downgrade, null);
        compareWithReal(flipr, List.of("check"));
        compareWithReal(flipr, List.of("status"));
        Capture capture = new Capture();
        RealSqitch.Result upgraded = capture.run(() -> ours(flipr, List.of("upgrade"), capture));
        bash(flipr, downgrade, null);
        assertSame(bash(flipr, "sqitch upgrade", null), upgraded, "upgrade from 1.0");
        compareWithReal(flipr, List.of("check"));
        // A deploy script changed after deployment makes check fail.
        Files.writeString(flipr.resolve("deploy/lists.sql"), "-- changed\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        compareWithReal(flipr, List.of("check"));
        compareWithReal(flipr, List.of("check", "--from", "hashtags"));
    }

    /** Our bundle first (its tree kept aside), then real sqitch's into the same place. */
    private void compareBundle(Path cwd, List<String> args) throws Exception {
        Capture capture = new Capture();
        RealSqitch.Result ours = capture.run(() -> ours(cwd, args, capture));
        Path dest = cwd.resolve(args.get(args.indexOf("--dest-dir") + 1));
        Map<String, String> ourTree = tree(dest);
        if (Files.exists(dest)) {
            delete(dest);
        }
        RealSqitch.Result real = bash(cwd, "sqitch " + String.join(" ", args), null);
        assertSame(real, ours, String.join(" ", args));
        assertEquals(tree(dest), ourTree, "bundle tree of " + args);
    }

    private void compareWithReal(Path cwd, List<String> args) throws Exception {
        Capture capture = new Capture();
        RealSqitch.Result ours = capture.run(() -> ours(cwd, args, capture));
        RealSqitch.Result real = bash(cwd, "sqitch " + String.join(" ", args.stream().map(a -> "'" + a + "'")
                .toList()), null);
        assertSame(real, ours, String.join(" ", args));
    }

    private static void assertSame(RealSqitch.Result real, RealSqitch.Result ours, String label) {
        assertEquals(real.stdout(), ours.stdout(), "stdout of " + label);
        // Sqitch 1.3.1 dies on a bad date format with a Perl stack trace and exit 255; we print the message, exit 2.
        boolean perlDeath = real.stderr().contains("Trace begun at ");
        assertEquals(real.stderr().replaceFirst("(?s)\\s*Trace begun at .*", "\n"), ours.stderr(), "stderr of " + label);
        assertEquals(perlDeath ? 2 : real.exitValue(), ours.exitValue(), "exit of " + label);
    }

    /** Runs our command for a sqitch argument list (the options the tutorial and the variants use). */
    private CommandResult<?> ours(Path cwd, List<String> argv, Capture out) {
        CommandContext ctx = new CommandContext(new RunContext(cwd, env, Clock.systemUTC(), root.resolve("home")),
                TargetOptions.none(), out, null);
        Args a = new Args(argv.subList(1, argv.size()));
        return switch (argv.get(0)) {
            case "status" -> new StatusCommand(ctx).execute(StatusOptions.builder().args(Positional.of(a.target()))
                    .project(a.value("--project")).showChanges(a.flag("--show-changes") ? Boolean.TRUE : null)
                    .showTags(a.flag("--show-tags") ? Boolean.TRUE : null).dateFormat(a.value("--date-format"))
                    .build());
            case "log" -> new LogCommand(ctx).execute(LogOptions.builder().args(Positional.of(a.target()))
                    .events(a.values("--event")).changePattern(a.value("--change-pattern"))
                    .projectPattern(a.value("--project-pattern")).committerPattern(a.value("--committer-pattern"))
                    .maxCount(a.integer("--max-count", "-n")).skip(a.integer("--skip")).reverse(a.flag("--reverse"))
                    .format(a.value("--format")).dateFormat(a.value("--date-format")).oneline(a.flag("--oneline"))
                    .abbrev(a.integer("--abbrev")).headers(a.flag("--no-headers") ? Boolean.FALSE : null).build());
            case "bundle" -> new BundleCommand(ctx).execute(new BundleOptions(a.value("--dest-dir"), a.value("--from"),
                    a.value("--to"), a.flag("--all"), a.positional()));
            case "check" -> new CheckCommand(ctx).execute(new CheckOptions(a.target(), a.value("--from"),
                    a.value("--to")));
            case "upgrade" -> new UpgradeCommand(ctx).execute(new UpgradeOptions(a.target()));
            default -> throw new IllegalArgumentException(argv.get(0));
        };
    }

    /** A tiny option parser: {@code --name value} pairs, flags, and positionals. */
    private static final class Args {
        private static final List<String> FLAGS = List.of("--show-changes", "--show-tags", "--reverse", "--oneline",
                "--no-headers", "--all");
        private final Map<String, List<String>> values = new HashMap<>();
        private final List<String> flags = new ArrayList<>();
        private final List<String> positional = new ArrayList<>();

        Args(List<String> argv) {
            for (int i = 0; i < argv.size(); i++) {
                String arg = argv.get(i);
                if (FLAGS.contains(arg)) {
                    flags.add(arg);
                } else if (arg.startsWith("-")) {
                    values.computeIfAbsent(arg, k -> new ArrayList<>()).add(argv.get(++i));
                } else {
                    positional.add(arg);
                }
            }
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        String value(String name) {
            List<String> all = values.get(name);
            return all == null ? null : all.get(all.size() - 1);
        }

        List<String> values(String name) {
            return values.getOrDefault(name, List.of());
        }

        Integer integer(String... names) {
            for (String name : names) {
                if (value(name) != null) {
                    return Integer.valueOf(value(name));
                }
            }
            return null;
        }

        String target() {
            return positional.isEmpty() ? null : positional.get(0);
        }

        List<String> positional() {
            return positional;
        }
    }

    private RealSqitch.Result bash(Path cwd, String cmd, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", cmd).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int rc = pb.start().waitFor();
        RealSqitch.Result result = new RealSqitch.Result(Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), rc);
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    private static String read(String step, String ext) throws IOException {
        return Files.readString(ORACLE.resolve(step + "." + ext), StandardCharsets.UTF_8);
    }

    /** Masks what differs between two runs of the tutorial: dates, change ids and their abbreviations. */
    private static String mask(String text) {
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}", "<DATE>")
                .replaceAll("\\b[0-9a-f]{40}\\b", "<ID>")
                .replaceAll("(?m)^[0-9a-f]{6} ", "<ABBREV> ");
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
