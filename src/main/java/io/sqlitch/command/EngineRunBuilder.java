package io.sqlitch.command;

import java.util.Map;

/**
 * What the options of the commands that change a database (deploy, revert, rebase, checkout) are built from alike:
 * the positional arguments, {@code -t}, {@code --log-only}, {@code --lock-timeout} and {@code --set}. Each setter
 * names its option, so a new option shifts no position.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class EngineRunBuilder<B extends EngineRunBuilder<B>> extends TargetedBuilder<B> {

    boolean logOnly;
    Integer lockTimeout;
    Map<String, String> set;

    EngineRunBuilder() {
    }

    /** {@code --log-only}: record the changes without running their scripts. */
    public B logOnly(boolean value) {
        logOnly = value;
        return self();
    }

    /** {@code --lock-timeout} seconds, or null for 60. */
    public B lockTimeout(Integer value) {
        lockTimeout = value;
        return self();
    }

    /** {@code -s/--set name=value} variables. */
    public B set(Map<String, String> value) {
        set = value;
        return self();
    }
}
