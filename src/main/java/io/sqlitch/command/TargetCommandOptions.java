package io.sqlitch.command;

import java.util.List;

/**
 * Options of {@code sqitch target} and {@code sqitch engine}.
 *
 * @param verbose    Sqitch's {@code -v}: list shows {@code name<TAB>uri}
 * @param action     {@code list} (default), {@code add}, {@code alter}, {@code remove}/{@code rm},
 *                   {@code rename} (target only), {@code show}
 * @param args       the action's arguments (names, URI)
 * @param properties {@code --uri}/{@code --target}, {@code --registry}, {@code --client}, {@code --plan-file},
 *                   {@code --top-dir}, {@code --extension}, {@code --dir}, {@code --set}
 */
public record TargetCommandOptions(boolean verbose, String action, List<String> args, TargetProperties properties) {

    public TargetCommandOptions {
        args = args == null ? List.of() : List.copyOf(args);
        properties = properties == null ? TargetProperties.none() : properties;
    }

    /** The action as Sqitch dispatches it: {@code list} when none is given, dashes read as underscores. */
    public String actionName() {
        return action == null || action.isEmpty() ? "list" : action.replace('-', '_');
    }

    /** The action's {@code i}th argument, or null. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    public static TargetCommandOptions of(String action, String... args) {
        return new TargetCommandOptions(false, action, List.of(args), TargetProperties.none());
    }
}
