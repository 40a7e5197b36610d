package io.sqlitch.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** The changing goals that can preview instead ({@code sqlitch.dryRun}, {@code sqlitch.dryRunFile}): deploy, revert, rebase, checkout. */
abstract class AbstractPreviewMojo extends AbstractChangingMojo {

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

    /** Whether this run only previews. */
    protected boolean preview() {
        return dryRun || previewFile() != null;
    }

    /** The file the preview's SQL goes to; null when none is given. */
    protected Path previewFile() {
        return projectFile(dryRunFile);
    }

    // A preview changes nothing, so "Deployed 0 changes" would mislead.
    @Override
    protected boolean summary() {
        return !preview() && super.summary();
    }
}
