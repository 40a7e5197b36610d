package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.ConfigCommand;
import io.sqlitch.command.ConfigOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sqitch config}: gets and sets options in {@code sqitch.conf}, the user's or the system's file. With a key
 * alone it gets, with a key and a value it sets; the action flags select other actions.
 */
@Mojo(name = "config", requiresProject = false, threadSafe = true)
public class ConfigMojo extends AbstractSqlitchMojo {

    /**
     * The option's key, e.g. {@code user.name} (Sqitch's first positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.key")
    private String key;

    /**
     * The value to set (Sqitch's second positional argument); for {@code renameSection}, the new name.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.value")
    private String value;

    /**
     * A value regex limiting {@code get}, {@code getAll}, {@code getRegexp}, {@code replaceAll}, {@code unset},
     * {@code unsetAll} (Sqitch's third positional argument).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.valueRegex")
    private String valueRegex;

    /**
     * {@code --local}: the project's {@code sqitch.conf}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.local", defaultValue = "false")
    private boolean local;

    /**
     * {@code --user}/{@code --global}: {@code ~/.sqitch/sqitch.conf}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.user", defaultValue = "false")
    private boolean user;

    /**
     * {@code --system}: the system-wide file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.system", defaultValue = "false")
    private boolean system;

    /**
     * {@code --file}: another config file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.file")
    private String file;

    /**
     * {@code --bool}: read or write the value as a boolean.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.bool", defaultValue = "false")
    private boolean bool;

    /**
     * {@code --int}: read or write the value as an integer (k, m, g suffixes).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.int", defaultValue = "false")
    private boolean intType;

    /**
     * {@code --num}: read or write the value as a number.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.num", defaultValue = "false")
    private boolean num;

    /**
     * {@code --bool-or-int}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.boolOrInt", defaultValue = "false")
    private boolean boolOrInt;

    /**
     * The action, one of {@code get}, {@code getAll}, {@code getRegexp}, {@code add}, {@code replaceAll},
     * {@code unset}, {@code unsetAll}, {@code renameSection}, {@code removeSection}, {@code list} (Sqitch's
     * {@code --get} ... {@code --list}); none: get with a key alone, set with a key and a value.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.action")
    private String action;

    /**
     * {@code --get}. Deprecated: use {@code sqlitch.action=get}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.get", defaultValue = "false")
    private boolean get;

    /**
     * {@code --get-all}: every value of a multi-valued key. Deprecated: use {@code sqlitch.action=getAll}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.getAll", defaultValue = "false")
    private boolean getAll;

    /**
     * {@code --get-regexp}: the keys matching {@code key} as a regex. Deprecated: use {@code sqlitch.action=getRegexp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.getRegexp", defaultValue = "false")
    private boolean getRegexp;

    /**
     * {@code --add}: adds a value without replacing existing ones. Deprecated: use {@code sqlitch.action=add}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.add", defaultValue = "false")
    private boolean add;

    /**
     * {@code --replace-all}. Deprecated: use {@code sqlitch.action=replaceAll}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.replaceAll", defaultValue = "false")
    private boolean replaceAll;

    /**
     * {@code --unset}. Deprecated: use {@code sqlitch.action=unset}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.unset", defaultValue = "false")
    private boolean unset;

    /**
     * {@code --unset-all}. Deprecated: use {@code sqlitch.action=unsetAll}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.unsetAll", defaultValue = "false")
    private boolean unsetAll;

    /**
     * {@code --rename-section}: renames section {@code key} to {@code value}. Deprecated: use {@code sqlitch.action=renameSection}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.renameSection", defaultValue = "false")
    private boolean renameSection;

    /**
     * {@code --remove-section}: removes section {@code key}. Deprecated: use {@code sqlitch.action=removeSection}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.removeSection", defaultValue = "false")
    private boolean removeSection;

    /**
     * {@code --list}: every option, sorted. Deprecated: use {@code sqlitch.action=list}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.list", defaultValue = "false")
    private boolean list;

    @Override
    protected boolean needsPlan() {
        return false;
    }

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        List<String> types = new ArrayList<>();
        addIf(types, "sqlitch.bool", bool, "bool");
        addIf(types, "sqlitch.int", intType, "int");
        addIf(types, "sqlitch.num", num, "num");
        addIf(types, "sqlitch.boolOrInt", boolOrInt, "bool-or-int");
        List<String> actions = new ArrayList<>();
        if (action != null && !action.isBlank()) {
            actions.add(ConfigAction.parse(action).sqitchName());
        }
        // In ConfigAction's order: the booleans that action replaces.
        boolean[] deprecated = {get, getAll, getRegexp, add, replaceAll, unset, unsetAll, renameSection,
            removeSection, list};
        for (ConfigAction a : ConfigAction.values()) {
            if (deprecated[a.ordinal()]) {
                ctx.out().warn("sqlitch." + a.property() + " is deprecated: use -Dsqlitch.action=" + a.property());
                actions.add(a.sqitchName());
            }
        }
        List<String> args = new ArrayList<>();
        for (String arg : new String[] {key, value,
                valueRegex}) {
            if (arg != null) {
                args.add(arg);
            }
        }
        return new ConfigCommand(ctx).execute(ConfigOptions.builder().file(file).local(local).user(user)
                .system(system).types(types).actions(actions).args(args).build());
    }

    private void addIf(List<String> into, String property, boolean value, String name) {
        if (value) {
            into.add(name);
        }
    }
}
