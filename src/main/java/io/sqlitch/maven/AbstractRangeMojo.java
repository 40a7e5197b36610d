package io.sqlitch.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** The goals that read a range of deployed changes (verify, check): {@code --from-change} and {@code --to-change}. */
abstract class AbstractRangeMojo extends AbstractDatabaseMojo {

    /**
     * {@code --from-change}: the first change to verify or check (default: the first deployed).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.fromChange")
    protected String fromChange;

    /**
     * {@code --to-change}: the last change to verify or check (default: the last deployed).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.toChange")
    protected String toChange;
}
