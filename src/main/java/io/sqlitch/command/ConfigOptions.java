package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch config} options. Each flag is false/null when not given.
 *
 * @param file   {@code -f/--file/--config-file}
 * @param local  {@code --local}
 * @param user   {@code --user/--global}
 * @param system {@code --system}
 * @param type   {@code bool}, {@code int}, {@code num} or {@code bool-or-int} (one at a time)
 * @param action {@code get}, {@code get-all}, {@code get-regexp}, {@code add}, {@code replace-all}, {@code unset},
 *               {@code unset-all}, {@code rename-section}, {@code remove-section}, {@code list}, {@code edit},
 *               or null (set with 2+ arguments, get with one)
 * @param args   the positional arguments (key, value, value regex...)
 */
public record ConfigOptions(String file, boolean local, boolean user, boolean system, List<String> types,
                            List<String> actions, List<String> args) {

    public ConfigOptions {
        types = types == null ? List.of() : List.copyOf(types);
        actions = actions == null ? List.of() : List.copyOf(actions);
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The usual single-action form. */
    public static ConfigOptions of(String context, String type, String action, String... args) {
        return new ConfigOptions(null, "local".equals(context), "user".equals(context), "system".equals(context),
                type == null ? List.of() : List.of(type), action == null ? List.of() : List.of(action),
                List.of(args));
    }

    public ConfigOptions withFile(String newFile) {
        return new ConfigOptions(newFile, local, user, system, types, actions, args);
    }
}
