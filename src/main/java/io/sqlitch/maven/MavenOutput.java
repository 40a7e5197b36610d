package io.sqlitch.maven;

import io.sqlitch.console.Output;
import java.nio.charset.Charset;
import org.apache.maven.plugin.logging.Log;

/** Sqitch's stdout lines become {@code [INFO]} lines, its warnings {@code [WARNING]}, its error details {@code [ERROR]}. */
final class MavenOutput implements Output {

    private final Log log;
    private final boolean quiet;

    MavenOutput(Log log, boolean quiet) {
        this.log = log;
        this.quiet = quiet;
    }

    // One Maven log line per output line: a multi-line text would get its prefix on the first line only.

    @Override
    public void info(String line) {
        if (!quiet) {
            lines(line).forEach(log::info);
        }
    }

    @Override
    public void emit(String line) {
        lines(line).forEach(log::info);
    }

    /**
     * The Maven log takes text: the bytes are decoded in the charset the console writes, so that writing them back
     * gives the script's bytes (every byte, when that charset is a single-byte one).
     */
    @Override
    public void emitRaw(byte[] bytes) {
        emit(new String(bytes, consoleCharset()));
    }

    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public void warn(String line) {
        lines(line).forEach(log::warn);
    }

    @Override
    public void vent(String line) {
        lines(line).forEach(log::error);
    }

    private static java.util.List<String> lines(String text) {
        return java.util.Arrays.asList(text.split("\n", -1));
    }
}
