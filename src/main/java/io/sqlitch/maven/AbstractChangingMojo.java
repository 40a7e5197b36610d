package io.sqlitch.maven;

import java.io.File;
import java.nio.file.Path;
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

    /**
     * Preview only (not a Sqitch option): print each change this goal would revert or deploy, in the order it
     * would, and the script it would run, variables substituted, writing nothing (no database, registry or lock
     * file; checkout runs no {@code git checkout}: it reads the branch's plan and scripts with {@code git show});
     * fails as the real goal would on what it checks before running scripts (missing scripts, conflicts,
     * requires, changes still required, unknown or undeployed changes); asks nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Preview only, as {@code dryRun}, and also write the preview as one SQL file (a comment naming each change,
     * then its script); relative to the project's base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dryRunFile")
    private File dryRunFile;

    /** Whether this run is a preview ({@code dryRun} or {@code dryRunFile}). */
    protected boolean preview() {
        return dryRun || previewFile() != null;
    }

    /** Where the preview's SQL goes, or null. */
    protected Path previewFile() {
        return projectFile(dryRunFile);
    }

    // A preview changes nothing, so "Deployed 0 changes" would mislead.
    @Override
    protected boolean summary() {
        return !preview() && super.summary();
    }
}
