package io.sqlitch.engine;

import java.util.List;

/**
 * The outcome of running a script as {@code sqlite3 -bail ... ".read 'script'"} would.
 *
 * @param succeeded  whether the client would have exited 0
 * @param errorLines what the client would have printed on stderr, line by line (the caller prints them before
 *                   its own lines such as {@code "sqlite3" unexpectedly returned exit value 1})
 */
public record ScriptResult(boolean succeeded, List<String> errorLines) {

    public ScriptResult {
        errorLines = List.copyOf(errorLines);
    }
}
