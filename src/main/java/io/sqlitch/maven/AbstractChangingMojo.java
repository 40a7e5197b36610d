package io.sqlitch.maven;

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

    protected boolean logOnly() {
        return logOnly;
    }

    protected Integer lockTimeout() {
        return lockTimeout;
    }
}
