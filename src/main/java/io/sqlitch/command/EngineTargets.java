package io.sqlitch.command;

import io.sqlitch.engine.EngineOptions;
import io.sqlitch.engine.SqliteEngine;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;
import io.sqlitch.target.TargetOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands that connect to a database share: classifying positional arguments into one target and changes
 * (with Sqitch's "Too many targets" warning), collecting script variables, and opening the engine.
 *
 * @param target  the target acted on
 * @param changes the change arguments, in order
 */
record EngineTargets(Target target, List<String> changes) {

    static EngineTargets parse(CommandContext ctx, String command, String targetOption, List<String> args) {
        return parse(ctx, command, targetOption, args, "connecting to");
    }

    /** {@code tooMany} words the warning: {@code connecting to} (most commands) or {@code using} (upgrade). */
    static EngineTargets parse(CommandContext ctx, String command, String targetOption, List<String> args,
                               String tooMany) {
        TargetOptions options = targetOption == null ? ctx.options() : ctx.options().withTarget(targetOption);
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), command, options,
                args == null ? List.of() : args, List.of(), (t, arg) -> ctx.plan(t).contains(arg), false);
        Target target = parsed.targets().get(0);
        if (parsed.targets().size() > 1) {
            ctx.out().warn("Too many targets specified; " + tooMany + " " + target.name());
        }
        return new EngineTargets(target, parsed.changes());
    }

    /** The {@code n}th change argument, or null. */
    String change(int n) {
        return changes.size() > n ? changes.get(n) : null;
    }

    /** Config sections in order, then the target's variables, then {@code --set}: later wins. */
    Map<String, String> variables(CommandContext ctx, List<String> sections, Map<String, String> set) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String section : sections) {
            vars.putAll(ctx.config().section(section));
        }
        vars.putAll(target.variables());
        if (set != null) {
            vars.putAll(set);
        }
        return vars;
    }

    SqliteEngine engine(CommandContext ctx, EngineOptions options) {
        return new SqliteEngine(ctx.run(), target, ctx.plan(target), ctx.identity(), ctx.out(), ctx.prompter(),
                options.withVerbosity(ctx.verbosity()));
    }

    /** A boolean option, else the first config key set, else the default (Sqitch's {@code //} chain). */
    static boolean bool(CommandContext ctx, Boolean option, boolean defaultValue, String... keys) {
        if (option != null) {
            return option;
        }
        for (String key : keys) {
            if (ctx.config().get(key).isPresent()) {
                return ctx.config().getBool(key, defaultValue);
            }
        }
        return defaultValue;
    }

    /** A string option, else the first non-empty config value (Sqitch's {@code ||} chain), else null. */
    static String string(CommandContext ctx, String option, String... keys) {
        if (option != null && !option.isEmpty()) {
            return option;
        }
        for (String key : keys) {
            String v = ctx.config().get(key).orElse("");
            if (!v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
