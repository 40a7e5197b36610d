package io.sqlitch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs the real sqitch (the oracle) in a directory with the hermetic environment of the helper brief. */
public final class RealSqitch {

    public static final Path SQITCH = Path.of("/usr/bin/sqitch");
    public static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    /** {@code -Dsqlitch.requireOracle} (set by .ci/run): a missing oracle fails the test instead of skipping it. */
    public static final String REQUIRE = "sqlitch.requireOracle";

    private RealSqitch() {
    }

    public static boolean available() {
        return Files.isExecutable(SQITCH);
    }

    /**
     * Sqitch's text without the Perl source locations of its crashes ({@code ... at /usr/share/perl5/App/Sqitch/
     * Command.pm line 131.}): the plugin prints the message alone, by design.
     */
    public static String withoutPerlLocations(String text) {
        return text.replaceAll(" at /\\S+\\.pm line \\d+\\.?(?=\n|$)", "");
    }

    public static boolean sqlite3Available() {
        return Files.isExecutable(SQLITE3);
    }

    /**
     * Skips the test unless {@code present}; under {@code -Dsqlitch.requireOracle} fails it instead, so that a CI run
     * without sqitch or sqlite3 cannot pass with the differential tests silently skipped.
     */
    public static void assume(boolean present, String what) {
        if (present) {
            return;
        }
        String value = System.getProperty(REQUIRE);
        if (value != null && !value.equalsIgnoreCase("false")) {
            Assertions.fail(what + " is missing, and -D" + REQUIRE + " requires it");
        }
        Assumptions.abort(what + " is missing (skipped; -D" + REQUIRE + " makes this a failure)");
    }

    /** Skips (or under -Dsqlitch.requireOracle fails) the test when real sqitch is not installed. */
    public static void assumeSqitch() {
        assume(available(), "sqitch (" + SQITCH + ")");
    }

    /** Skips (or fails) unless both sqitch and the sqlite3 client are installed. */
    public static void assumeSqitchAndSqlite3() {
        assumeSqitch();
        assume(sqlite3Available(), "sqlite3 (" + SQLITE3 + ")");
    }

    /**
     * The committed copy of the shared oracle's SQLite tutorial recording ({@code src/it/tutorial/oracle}, the
     * project's own: no path outside the repository).
     */
    public static Path tutorialOracle() {
        return projectRoot().resolve("src/it/tutorial/oracle");
    }

    /** {@code ../shared/oracle/normalize.sh}, resolved from the project root as every checkout has it. */
    public static Path normalizeScript() {
        return projectRoot().resolveSibling("shared").resolve("oracle/normalize.sh");
    }

    /** The project's root: Surefire's {@code basedir}, else the working directory (which Surefire sets to it). */
    public static Path projectRoot() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** The hermetic environment for a temp home. */
    public static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("SQITCH_USER_CONFIG", home.resolve("user.conf").toString());
        env.put("SQITCH_SYSTEM_CONFIG", home.resolve("nonexistent").toString());
        env.put("TZ", "UTC");
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANG", "C.UTF-8");
        env.put("EDITOR", "true");
        env.put("PATH", "/usr/bin:/bin");
        env.put("USER", "tester");
        env.put("LOGNAME", "tester");
        return env;
    }

    public static Result run(Path dir, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SQITCH.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Path outFile = Files.createTempFile("sqitch-out", ".txt");
            Path errFile = Files.createTempFile("sqitch-err", ".txt");
            pb.redirectOutput(outFile.toFile());
            pb.redirectError(errFile.toFile());
            int rc = pb.start().waitFor();
            String out = Files.readString(outFile, StandardCharsets.UTF_8);
            String err = Files.readString(errFile, StandardCharsets.UTF_8);
            Files.delete(outFile);
            Files.delete(errFile);
            return new Result(out, err, rc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes a command wrote on stdout, undecoded (such as {@code show deploy} of a non-UTF-8 script). */
    public static byte[] stdoutBytes(Path dir, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SQITCH.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a command printed and its exit value. */
    public record Result(String stdout, String stderr, int exitValue) {
    }
}
