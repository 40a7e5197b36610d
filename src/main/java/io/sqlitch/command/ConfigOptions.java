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

    public static Builder builder() {
        return new Builder();
    }

    /** Config options by name. */
    public static final class Builder {

        private String file;
        private boolean local;
        private boolean user;
        private boolean system;
        private List<String> types;
        private List<String> actions;
        private List<String> args;

        private Builder() {
        }

        /** {@code -f/--file/--config-file}. */
        public Builder file(String value) {
            file = value;
            return this;
        }

        /** {@code --local}. */
        public Builder local(boolean value) {
            local = value;
            return this;
        }

        /** {@code --user/--global}. */
        public Builder user(boolean value) {
            user = value;
            return this;
        }

        /** {@code --system}. */
        public Builder system(boolean value) {
            system = value;
            return this;
        }

        /** {@code --bool}, {@code --int}, {@code --num}, {@code --bool-or-int} given (one at a time). */
        public Builder types(List<String> value) {
            types = value;
            return this;
        }

        /** The actions given ({@code get}, {@code add}, ...; one at a time). */
        public Builder actions(List<String> value) {
            actions = value;
            return this;
        }

        /** The positional arguments (key, value, value regex...). */
        public Builder args(List<String> value) {
            args = value;
            return this;
        }

        public ConfigOptions build() {
            return new ConfigOptions(file, local, user, system, types, actions, args);
        }
    }
}
