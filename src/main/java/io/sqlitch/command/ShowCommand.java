package io.sqlitch.command;

import io.sqlitch.console.Output;
import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code sqitch show}: prints a change's or tag's info, or a change's script. */
public final class ShowCommand implements Command<ShowOptions, Void> {

    static final String USAGE = """
            Usage:
                  sqitch show [options] <type> <object>
            
                "<type>" can be one of: change, tag, deploy, revert, verify
            
            Options:
                    -t --target    <target>  database target specifying the plan
                    -e --exists              suppress output, exit 0 when object exists
                    -f --plan-file  <file>   path to a deployment plan file
            """;

    private final CommandContext ctx;

    public ShowCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Shows the object.
     *
     * @return an error when, with {@code --exists}, the object does not exist: Sqitch then exits 2 without a message
     */
    @Override
    public CommandResult<Void> execute(ShowOptions opts) {
        String type = opts.type();
        String key = opts.key();
        if (type == null || type.isEmpty() || key == null || key.isEmpty()) {
            throw new SqitchException(USAGE);
        }
        Target target = ctx.target(opts.target());
        Plan plan = ctx.plan(target);
        if (type.equals("tag")) {
            boolean isId = key.matches("(?s)^[0-9a-f]{40}.*");
            Optional<Change> change = plan.get(isId ? key : (key.startsWith("@") ? "" : "@") + key);
            String name = key.startsWith("@") ? key.substring(1) : key;
            Optional<Tag> tag = change.flatMap(c -> c.tags().stream()
                    .filter(t -> isId ? t.id().equals(key) : t.name().equals(name)).findFirst());
            if (tag.isEmpty()) {
                if (opts.exists()) {
                    return missing(opts);
                }
                throw new SqitchException("Unknown tag \"" + key + "\"");
            }
            if (!opts.exists()) {
                ctx.out().emit(tag.get().info());
            }
            return CommandResult.ok();
        }
        if (!List.of("change", "deploy", "revert", "verify").contains(type)) {
            // Sqitch's message lacks the closing quote.
            throw new SqitchException("Unknown object type \"" + type);
        }
        Optional<Change> change = plan.get(key);
        if (change.isEmpty()) {
            if (opts.exists()) {
                return missing(opts);
            }
            throw new SqitchException("Unknown change \"" + key + "\"");
        }
        if (type.equals("change")) {
            if (!opts.exists()) {
                ctx.out().emit(change.get().info());
            }
            return CommandResult.ok();
        }
        ScriptFiles files = new ScriptFiles(target, ctx.run().directory());
        String display = switch (type) {
            case "deploy" -> files.deploy(change.get());
            case "revert" -> files.revert(change.get());
            default -> files.verify(change.get());
        };
        Path path = ctx.path(display);
        if (!Files.exists(path)) {
            if (opts.exists()) {
                return missing(opts);
            }
            throw new SqitchException("File \"" + display + "\" does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new SqitchException("\"" + display + "\" is not a file");
        }
        if (opts.exists()) {
            return CommandResult.ok();
        }
        try {
            ctx.out().emitRaw(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new SqitchException("Cannot open " + display + ": " + e.getMessage(), e);
        }
        return CommandResult.ok();
    }

    // Sqitch exits 2 silently; a failed build needs words.
    private static CommandResult<Void> missing(ShowOptions opts) {
        return CommandResult.error(opts.type() + " \"" + opts.key() + "\" does not exist");
    }
}
