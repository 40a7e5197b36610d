package io.sqlitch.maven;

import io.sqlitch.command.EngineRunBuilder;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that change a database (deploy, revert, rebase, checkout): Sqitch's {@code --log-only} and {@code --lock-timeout}. */
abstract class AbstractChangingMojo extends AbstractDatabaseMojo {

    /**
     * {@code --log-only}: record the changes in the registry without running their scripts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.logOnly", defaultValue = "false")
    private boolean logOnly;

    /**
     * {@code --lock-timeout}: seconds to wait for another command working on the same database (default 60).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.lockTimeout")
    private Integer lockTimeout;

    /** The options every changing goal gives alike: the target, {@code --log-only}, {@code --lock-timeout}, {@code --set}. */
    protected <B extends EngineRunBuilder<B>> B changing(B options) {
        return options.args(targetArgs()).logOnly(logOnly).lockTimeout(lockTimeout).set(variables());
    }
}
