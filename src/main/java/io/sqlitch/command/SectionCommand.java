package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import java.util.List;

/**
 * {@code sqitch target} and {@code sqitch engine}: the same actions over one kind of configuration section
 * ({@code [target "x"]}, {@code [engine "pg"]}); each subclass says what its sections hold.
 */
abstract class SectionCommand implements Command<TargetCommandOptions, Void> {

    protected final RunContext ctx;
    protected final Output out;
    private final String section;
    private final String usage;

    // Only the process and the output: the command reads and writes the configuration files themselves.
    SectionCommand(CommandContext context, String section, String usage) {
        this.ctx = context.run();
        this.out = context.out();
        this.section = section;
        this.usage = usage;
    }

    @Override
    public CommandResult<Void> execute(TargetCommandOptions opts) {
        TargetConfigSupport support = TargetConfigSupport.of(ctx, out, opts.properties(), null);
        List<String> args = opts.args();
        String a0 = opts.arg(0);
        String a1 = opts.arg(1);
        switch (opts.actionName()) {
            case "list" -> list(opts.verbose());
            case "add" -> add(support, a0, a1);
            case "alter" -> alter(support, a0);
            case "remove", "rm" -> {
                require(a0);
                beforeRemoving(a0);
                support.renameSection(section, a0, null);
            }
            case "show" -> {
                if (args.isEmpty()) {
                    list(opts.verbose());
                } else {
                    show(args);
                }
            }
            default -> {
                if (!otherAction(support, opts.actionName(), a0, a1)) {
                    throw new SqitchException("Unknown action \"" + opts.action() + "\"\n" + usage);
                }
            }
        }
        return CommandResult.ok();
    }

    /** Sqitch's usage error when a required argument is missing. */
    protected final void require(String arg) {
        TargetConfigSupport.require(arg, usage);
    }

    protected abstract void list(boolean verbose);

    protected abstract void add(TargetConfigSupport support, String a0, String a1);

    protected abstract void alter(TargetConfigSupport support, String name);

    protected abstract void show(List<String> names);

    /** A check before {@code remove} (a target still named by an engine, say); none by default. */
    protected void beforeRemoving(String name) {
    }

    /** An action only one kind of section has ({@code target rename}); false when there is none. */
    protected boolean otherAction(TargetConfigSupport support, String action, String a0, String a1) {
        return false;
    }
}
