package io.sqlitch.maven;

import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code init}, {@code target} and {@code engine} write alike: the script extension, directories and variables. */
abstract class AbstractLayoutMojo extends AbstractSqlitchMojo {

    /**
     * {@code --extension}: the script file extension.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.extension")
    private String extension;

    /**
     * {@code --dir name=path}: script directories ({@code deploy}, {@code revert}, {@code verify}, {@code
     * reworked}, ...).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dir")
    private List<String> dir;

    /**
     * {@code --set name=value}: variables written to the configuration ({@code [core "variables"]} for init, the
     * target's or engine's {@code variables} for target and engine).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.set")
    private List<String> set;

    // These goals write sqitch.conf: they need no project.
    @Override
    protected boolean needsPlan() {
        return false;
    }

    protected String extension() {
        return extension;
    }

    protected Map<String, String> dirs() {
        return KeyValues.parse("sqlitch.dir", listOf(dir));
    }

    protected Map<String, String> layoutVariables() {
        return KeyValues.parse("sqlitch.set", listOf(set));
    }
}
