package io.sqlitch.maven;

import io.sqlitch.console.Output;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Set;

/**
 * Keeps a goal's results readable by a script under {@code mvn -q}: Maven then drops every {@code [INFO]} line, so
 * the lines Sqitch prints on stdout for status, log, plan, show, config, tag, target and engine (and the
 * summary lines) are also written
 * to standard output as they are, without a prefix, like {@code help:evaluate -DforceStdout}. With Maven's log at
 * INFO nothing changes: the lines are {@code [INFO]} lines only.
 */
final class ConsoleResults extends ForwardingOutput {

    /** The goals whose stdout is the result a script wants (tag, target and engine: their lists). */
    static final Set<String> RESULT_GOALS = Set.of("status", "log", "plan", "show", "config", "tag", "target",
            "engine");

    private final Output log;
    private final PrintStream stdout;
    private final boolean resultGoal;
    private final boolean sqitchQuiet;

    /**
     * @param stdout where results go when Maven's log is quiet; null when it is not (the log shows them)
     * @param sqitchQuiet {@code sqlitch.quiet}: Sqitch's progress lines stay silent on stdout too
     */
    ConsoleResults(Output log, PrintStream stdout, String goal, boolean sqitchQuiet) {
        super(log);
        this.log = log;
        this.stdout = stdout;
        this.resultGoal = RESULT_GOALS.contains(goal);
        this.sqitchQuiet = sqitchQuiet;
    }

    /**
     * The process's real standard output. Maven 4 replaces {@code System.out} with a stream that logs each line as
     * {@code [INFO] [stdout] ...}, even under {@code -q}; file descriptor 1 is what a shell captures under either
     * Maven. Never closed (it would close the process's stdout); the charset is the one the JVM gives System.out.
     */
    static PrintStream processStdout() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new PrintStream(new FileOutputStream(FileDescriptor.out), false, charset);
    }

    @Override
    public void info(String line) {
        super.info(line);
        if (resultGoal && !sqitchQuiet) {
            print(line);
        }
    }

    @Override
    public void emit(String line) {
        super.emit(line);
        if (resultGoal) {
            print(line);
        }
    }

    /** A line that is a result whatever the goal (a summary line). */
    void result(String line) {
        log.emit(line);
        print(line);
    }

    private void print(String line) {
        if (stdout != null) {
            stdout.println(line);
            stdout.flush();
        }
    }
}
