package io.sqlitch.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the whole recorded SQLite tutorial: every deploy, revert, verify and rebase step runs with our commands
 * and must print exactly what Sqitch printed (stdout, stderr, exit value); every other step (add, tag, rework,
 * status, log, bundle, file edits) runs as recorded with real sqitch and bash, so later steps see the project and
 * registry our engine left. At the end the registry and database dumps equal the recorded ones.
 */
@Tag("slow") // runs real sqitch/psql many times: -DexcludedGroups=slow leaves it out of a quick run
class TutorialEngineReplayTest {

    private static final Path ORACLE = RealSqitch.tutorialOracle();
    private static final Path NORMALIZE = RealSqitch.normalizeScript();
    private static final List<String> ENGINE_VERBS = List.of("deploy", "revert", "verify", "rebase");

    @TempDir
    Path root;

    @Test
    void engineStepsPrintWhatSqitchPrinted() throws Exception {
        RealSqitch.assumeSqitch();
        RealSqitch.assume(Files.isExecutable(NORMALIZE), "../shared/oracle/normalize.sh (" + NORMALIZE + ")");
        Path home = Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("etc"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("SQITCH_USER_CONFIG", home.resolve(".sqitch/sqitch.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", root.resolve("etc/sqitch.conf").toString());
        env.put("TZ", "UTC");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("EDITOR", "true");
        env.put("PATH", "/usr/bin:/bin");
        List<Path> steps;
        try (Stream<Path> files = Files.list(ORACLE)) {
            steps = files.filter(f -> f.getFileName().toString().matches("\\d{3}-.*\\.cmd")).sorted().toList();
        }
        int replayed = 0;
        for (Path cmdFile : steps) {
            String base = cmdFile.getFileName().toString().replaceFirst("\\.cmd$", "");
            String cmd = Files.readString(cmdFile, StandardCharsets.UTF_8).strip();
            Path cwd = root.resolve(Files.readString(ORACLE.resolve(base + ".cwd")).strip());
            String[] words = cmd.split(" ");
            if (words.length > 1 && words[0].equals("sqitch") && ENGINE_VERBS.contains(words[1])) {
                RealSqitch.Result r = ours(cwd, env, home, Arrays.copyOfRange(words, 1, words.length));
                assertEquals(read(base + ".out"), r.stdout(), "stdout of " + base);
                assertEquals(read(base + ".err"), r.stderr(), "stderr of " + base);
                assertEquals(Integer.parseInt(read(base + ".rc").strip()), r.exitValue(), "exit of " + base);
                replayed++;
            } else {
                assertEquals(Integer.parseInt(read(base + ".rc").strip()), bash(env, cmd, cwd), "exit of " + base);
            }
        }
        assertEquals(30, replayed);
        Path project = root.resolve("flipr");
        assertEquals(normalized("cat " + ORACLE.resolve("final/flipr/sqitch.db.dump"), project),
                normalized("sqlite3 sqitch.db .dump", project), "registry");
        assertEquals(normalized("cat " + ORACLE.resolve("final/flipr/flipr_test.db.dump"), project),
                normalized("sqlite3 flipr_test.db .dump", project), "database");
    }

    /** A recorded non-engine step, run as the recorder ran it (bash -c, stdin /dev/null, hermetic env). */
    private static int bash(Map<String, String> env, String cmd, Path cwd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", cmd).directory(cwd.toFile())
                .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }

    private static String read(String name) throws Exception {
        Path p = ORACLE.resolve(name);
        if (!name.contains("/")) {
            try (Stream<Path> files = Files.list(ORACLE)) {
                String prefix = name.substring(0, name.indexOf('.'));
                String ext = name.substring(name.indexOf('.'));
                p = files.filter(f -> f.getFileName().toString().equals(prefix + ext)).findFirst().orElse(p);
            }
        }
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** A command's output through the oracle's normalize.sh (timestamps and ids masked). */
    private static String normalized(String command, Path dir) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command + " | " + NORMALIZE)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    /** Our command for a recorded {@code sqitch VERB ...} line; the prompter answers as unattended Sqitch does. */
    private static RealSqitch.Result ours(Path cwd, Map<String, String> env, Path home, String[] args) {
        Capture capture = new Capture();
        CommandContext ctx = new CommandContext(new RunContext(cwd, env, Clock.systemUTC(), home),
                TargetOptions.none(), capture, (question, defaultYes) -> {
                    String answer = defaultYes ? "Yes" : "No";
                    capture.emit(question + " [" + answer + "] " + answer);
                    return defaultYes;
                });
        String verb = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return capture.run(() -> {
            return switch (verb) {
                case "deploy" -> new DeployCommand(ctx).execute(EngineProject.deploy(rest));
                case "revert" -> new RevertCommand(ctx).execute(EngineProject.revert(rest));
                case "verify" -> new VerifyCommand(ctx).execute(EngineProject.verify(rest));
                case "rebase" -> new RebaseCommand(ctx).execute(EngineProject.rebase(rest));
                default -> throw new SqitchException("not an engine verb: " + verb);
            };
        });
    }
}
