package io.sqlitch.maven;

import io.sqlitch.command.Command;
import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.TargetCommandOptions;
import io.sqlitch.command.TargetProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code target} and {@code engine} share: an action, a name, the properties to write, and the one value that
 * differs (the target's URI, the engine's target), which {@code add} takes as its second argument and {@code alter}
 * writes.
 */
abstract class AbstractTargetConfigMojo extends AbstractLayoutMojo {

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

    private final Function<CommandContext, Command<TargetCommandOptions, Void>> command;
    private final boolean valueIsUri;

    /**
     * @param command    the command ({@code TargetCommand::new}, {@code EngineCommand::new})
     * @param valueIsUri whether {@link #value()} is {@code --uri} (target) rather than {@code --target} (engine)
     */
    AbstractTargetConfigMojo(Function<CommandContext, Command<TargetCommandOptions, Void>> command,
                             boolean valueIsUri) {
        this.command = command;
        this.valueIsUri = valueIsUri;
    }

    /** The goal's own value: the target's URI, the engine's target. */
    protected abstract String value();

    @Override
    protected final CommandResult<?> run(CommandContext ctx) {
        List<String> args = new ArrayList<>();
        if (name != null) {
            args.add(name);
            String second = "add".equals(action) ? value() : "rename".equals(action) ? newName : null;
            if (second != null) {
                args.add(second);
            }
        }
        String alter = "add".equals(action) ? null : value();
        TargetProperties properties = TargetProperties.builder().uri(valueIsUri ? alter : null)
                .target(valueIsUri ? null : alter).registry(registry).client(client).topDir(topDir).planFile(planFile)
                .extension(extension()).dirs(dirs()).variables(layoutVariables()).build();
        return command.apply(ctx).execute(new TargetCommandOptions(verbose, action, args, properties));
    }
}
