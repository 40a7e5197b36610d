package io.sqlitch.engine;

import io.sqlitch.RunContext;
import io.sqlitch.command.CommandContext;
import io.sqlitch.command.DeployCommand;
import io.sqlitch.command.DeployOptions;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for the crash and concurrency tests: {@code DeployChild PROJECT_DIR HOME [LOCK_TIMEOUT_S]} runs our
 * deploy as the sqitch executable would and exits with its exit value. Output is printed at the end (a process
 * killed with -9 prints nothing, which is fine: the tests look at the databases).
 */
public final class DeployChild {

    private DeployChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Path home = Path.of(args[1]);
        Integer timeout = args.length > 2 ? Integer.valueOf(args[2]) : null;
        Capture out = new Capture();
        CommandContext ctx = new CommandContext(new RunContext(dir, RealSqitch.env(home), Clock.systemUTC(), home),
                TargetOptions.none(), out, (q, d) -> d);
        RealSqitch.Result r = out.run(() -> new DeployCommand(ctx).execute(
                new DeployOptions(List.of(), null, null, null, null, false, timeout, Map.of())));
        System.out.print(r.stdout());
        System.err.print(r.stderr());
        System.out.flush();
        System.exit(r.exitValue());
    }

    /** A process builder for this main on the current test classpath. */
    static ProcessBuilder command(Path dir, Path home, String... more) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DeployChild.class.getName(), dir.toString(),
                home.toString()));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd);
    }
}
