package io.sqlitch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command reads from the process it runs in, passed in rather than read from globals, so that
 * commands stay testable and several Maven threads can run them at once.
 *
 * @param directory   the working directory: where {@code sqitch.conf} is looked up and relative paths resolve
 *                    (Sqitch's {@code --chdir})
 * @param environment the environment variables ({@code SQITCH_*}, {@code HOME}, {@code USER}, ...)
 * @param clock       the clock for plan timestamps and registry times
 * @param userHome    the home directory, for {@code ~/.sqitch}
 */
public record RunContext(Path directory, Map<String, String> environment, Clock clock, Path userHome) {

    public RunContext {
        directory = directory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** The process's own environment, working directory and clock. */
    public static RunContext ofProcess() {
        return new RunContext(Path.of(""), System.getenv(), Clock.systemUTC(),
                Path.of(System.getProperty("user.home")));
    }

    /** A variable's value, empty when unset or set to the empty string. */
    public Optional<String> env(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A path relative to the working directory; an absolute path stays as it is. */
    public Path resolve(String path) {
        return directory.resolve(path);
    }

    /** The local time zone Sqitch prints dates in: {@code TZ} when set and valid, else the JVM's default. */
    public ZoneId zone() {
        return env("TZ").map(tz -> {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (DateTimeException e) {
                return ZoneId.systemDefault();
            }
        }).orElseGet(ZoneId::systemDefault);
    }

    public RunContext withDirectory(Path newDirectory) {
        return new RunContext(directory.resolve(newDirectory), environment, clock, userHome);
    }
}
