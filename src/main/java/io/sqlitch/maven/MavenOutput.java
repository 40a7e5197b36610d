package io.sqlitch.maven;

import io.sqlitch.command.Output;
import org.apache.maven.plugin.logging.Log;

/** Sqitch's stdout lines become {@code [INFO]} lines, its warnings {@code [WARNING]}, its error details {@code [ERROR]}. */
final class MavenOutput implements Output {

    private final Log log;
    private final boolean quiet;

    MavenOutput(Log log, boolean quiet) {
        this.log = log;
        this.quiet = quiet;
    }

    @Override
    public void info(String line) {
        if (!quiet) {
            log.info(line);
        }
    }

    @Override
    public void emit(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void vent(String line) {
        log.error(line);
    }
}
