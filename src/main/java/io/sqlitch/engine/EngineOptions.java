package io.sqlitch.engine;

import java.time.Duration;
import java.util.Map;

/**
 * How one engine run behaves (Sqitch's engine attributes set by the deploy/revert/verify/rebase commands).
 *
 * @param withVerify   run each change's verify script after deploying it ({@code --verify})
 * @param logOnly      record changes in the registry without running scripts ({@code --log-only})
 * @param lockTimeout  how long to wait for another process working on the same registry
 * @param noPrompt     revert without asking ({@code -y}, {@code revert.no_prompt})
 * @param promptAccept the default answer of the revert question ({@code revert.prompt_accept})
 * @param variables    {@code ${name}} substitutions for scripts
 * @param verbosity    Sqitch's verbosity (1 by default, 2 with {@code -vv}: verify scripts' output is shown)
 */
public record EngineOptions(boolean withVerify, boolean logOnly, Duration lockTimeout, boolean noPrompt,
                            boolean promptAccept, Map<String, String> variables, int verbosity) {

    public EngineOptions {
        lockTimeout = lockTimeout == null ? DatabaseLock.DEFAULT_TIMEOUT : lockTimeout;
        variables = Map.copyOf(variables == null ? Map.of() : variables);
    }

    /** At the default verbosity. */
    public EngineOptions(boolean withVerify, boolean logOnly, Duration lockTimeout, boolean noPrompt,
                         boolean promptAccept, Map<String, String> variables) {
        this(withVerify, logOnly, lockTimeout, noPrompt, promptAccept, variables, 1);
    }

    /** Sqitch's defaults: no verify, scripts run, 60 s lock timeout, prompt with default yes. */
    public static EngineOptions defaults() {
        return new EngineOptions(false, false, DatabaseLock.DEFAULT_TIMEOUT, false, true, Map.of());
    }

    public EngineOptions withVariables(Map<String, String> newVariables) {
        return new EngineOptions(withVerify, logOnly, lockTimeout, noPrompt, promptAccept, newVariables, verbosity);
    }

    public EngineOptions withVerbosity(int level) {
        return new EngineOptions(withVerify, logOnly, lockTimeout, noPrompt, promptAccept, variables, level);
    }
}
