package io.sqlitch.engine;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.command.CommandContext;
import io.sqlitch.command.DeployCommand;
import io.sqlitch.command.DeployOptions;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.RealSqitch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for the crash and concurrency tests: {@code DeployChild PROJECT_DIR HOME [LOCK_TIMEOUT_S]} runs our
 * deploy as the sqitch executable would and exits with its exit value. Every line is printed (and flushed) as it
 * comes, so a parent can tell how far the deploy got, e.g. to kill it after its k-th change.
 */
public final class DeployChild {

    private DeployChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Path home = Path.of(args[1]);
        Integer timeout = args.length > 2 ? Integer.valueOf(args[2]) : null;
        Output out = new LiveOutput();
        CommandContext ctx = new CommandContext(new RunContext(dir, RealSqitch.env(home), Clock.systemUTC(), home),
                TargetOptions.none(), out, (q, d) -> d);
        int rc = 0;
        try {
            rc = new DeployCommand(ctx).execute(DeployOptions.builder().lockTimeout(timeout).build()).exitValue();
        } catch (SqitchException e) {
            rc = e.exitValue();
            (e.isSoft() ? System.out : System.err).println(e.getMessage());
        }
        System.out.flush();
        System.err.flush();
        System.exit(rc);
    }

    /** Sqitch's streams, line by line as they come: info and emit on stdout, warn and vent on stderr. */
    private static final class LiveOutput implements Output {
        @Override
        public void info(String line) {
            print(System.out, line);
        }

        @Override
        public void emit(String line) {
            print(System.out, line);
        }

        @Override
        public void warn(String line) {
            print(System.err, "warning: " + line);
        }

        @Override
        public void vent(String line) {
            print(System.err, line);
        }

        private static void print(PrintStream stream, String line) {
            stream.println(line);
            stream.flush();
        }
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
