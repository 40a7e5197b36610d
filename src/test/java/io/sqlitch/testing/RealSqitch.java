package io.sqlitch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real sqitch (the oracle) in a directory with the hermetic environment of the helper brief. */
public final class RealSqitch {

    public static final Path SQITCH = Path.of("/usr/bin/sqitch");

    private RealSqitch() {
    }

    public static boolean available() {
        return Files.isExecutable(SQITCH);
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
