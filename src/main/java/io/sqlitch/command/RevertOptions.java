package io.sqlitch.command;

import java.util.List;
import java.util.Map;

/**
 * {@code sqitch revert} options.
 *
 * @param args        positional arguments ({@code [target] [change]})
 * @param target      {@code -t/--target}, or null
 * @param toChange    {@code --to-change}, or null: revert everything
 * @param modified    {@code -m/--modified}: revert to the last change whose deploy script is unchanged since it was
 *                    deployed (overrides {@code toChange} and the change argument)
 * @param noPrompt    {@code -y}, or null for {@code revert.no_prompt} / false
 * @param logOnly     {@code --log-only}
 * @param lockTimeout {@code --lock-timeout} seconds, or null for 60
 * @param set         {@code --set name=value} variables
 */
public record RevertOptions(List<String> args, String target, String toChange, boolean modified,
                            Boolean noPrompt, boolean logOnly, Integer lockTimeout, Map<String, String> set) {

    public RevertOptions {
        args = args == null ? List.of() : List.copyOf(args);
        set = set == null ? Map.of() : Map.copyOf(set);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Revert options by name. */
    public static final class Builder extends EngineRunBuilder<Builder> {

        private String toChange;
        private boolean modified;
        private Boolean noPrompt;

        private Builder() {
        }

        /** {@code --to-change}, or null: revert everything. */
        public Builder toChange(String value) {
            toChange = value;
            return this;
        }

        /** {@code -m/--modified}: revert to the last change whose deploy script is unchanged. */
        public Builder modified(boolean value) {
            modified = value;
            return this;
        }

        /** {@code -y}, or null for {@code revert.no_prompt}. */
        public Builder noPrompt(Boolean value) {
            noPrompt = value;
            return this;
        }

        public RevertOptions build() {
            return new RevertOptions(args, target, toChange, modified, noPrompt, logOnly, lockTimeout, set);
        }
    }
}
