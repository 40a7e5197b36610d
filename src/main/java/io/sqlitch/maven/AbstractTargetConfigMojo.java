package io.sqlitch.maven;

import io.sqlitch.command.TargetCommandOptions;
import io.sqlitch.command.TargetProperties;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters {@code target} and {@code engine} share: an action, a name, and the properties to write. */
abstract class AbstractTargetConfigMojo extends AbstractSqlitchMojo {

    /**
     * The action: {@code list} (default), {@code add}, {@code alter}, {@code remove}, {@code rename}, {@code show}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.action", defaultValue = "list")
    private String action;

    /**
     * The target or engine name the action works on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.name")
    private String name;

    /**
     * For {@code rename}: the new name.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.newName")
    private String newName;

    /**
     * Sqitch's {@code -v}: {@code list} shows each URI or target too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * {@code --extension}: the script file extension.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.extension")
    private String extension;

    /**
     * {@code --dir name=path}: script directories.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dir")
    private List<String> dir;

    /**
     * {@code --set name=value}: variables.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.set")
    private List<String> set;

    @Override
    protected boolean needsPlan() {
        return false;
    }

    /** The second positional argument of {@code add} ({@code target}: the URI; {@code engine}: the target). */
    protected abstract String addArgument();

    /** The {@code --uri} and {@code --target} properties for {@code alter}. */
    protected abstract TargetProperties properties(String extensionValue, java.util.Map<String, String> dirs,
                                                   java.util.Map<String, String> variables);

    /** The action, {@code -D} first. */
    protected String action() {
        return action;
    }

    protected TargetCommandOptions options() {
        String act = action();
        List<String> args = new ArrayList<>();
        String n = name;
        if (n != null) {
            args.add(n);
            String second = "add".equals(act) ? addArgument() : "rename".equals(act) ? newName : null;
            if (second != null) {
                args.add(second);
            }
        }
        return new TargetCommandOptions(verbose, act, args,
                properties(extension, KeyValues.parse("sqlitch.dir", listOf(dir)),
                        KeyValues.parse("sqlitch.set", listOf(set))));
    }
}
