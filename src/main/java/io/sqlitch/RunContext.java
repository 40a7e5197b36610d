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
        return ofProcess(Path.of(""));
    }

    /**
     * The process's environment in {@code directory}. Sqitch finds the login name with getpwuid() when
     * {@code LOGNAME}/{@code USER} are unset (as in CI); the JVM's {@code user.name} is that name, so it is
     * supplied as {@code USER}. {@code ~} is {@code $HOME}, as for Sqitch.
     */
    public static RunContext ofProcess(Path directory) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String login = System.getProperty("user.name");
        if (login != null && !login.isEmpty() && env.get("LOGNAME") == null && env.get("USER") == null
                && env.get("USERNAME") == null) {
            env.put("USER", login);
        }
        String home = env.get("HOME");
        Path userHome = Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
        return new RunContext(directory, env, Clock.systemUTC(), userHome);
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
