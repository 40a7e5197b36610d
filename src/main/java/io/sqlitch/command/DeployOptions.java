package io.sqlitch.command;

import java.util.List;
import java.util.Map;

/**
 * {@code sqitch deploy} options.
 *
 * @param args        positional arguments ({@code [target] [change]})
 * @param target      {@code -t/--target}, or null
 * @param toChange    {@code --to-change}, or null
 * @param mode        {@code --mode all|tag|change}, or null for {@code deploy.mode} / all
 * @param verify      {@code --verify}/{@code --no-verify}, or null for {@code deploy.verify} / false
 * @param logOnly     {@code --log-only}
 * @param lockTimeout {@code --lock-timeout} seconds, or null for 60
 * @param set         {@code --set name=value} variables
 * @param atomic      deploy every pending change in one transaction (not in Sqitch; {@code sqlitch.atomic}):
 *                    all or nothing, refused up front when a script manages its own transactions
 */
public record DeployOptions(List<String> args, String target, String toChange, String mode, Boolean verify,
                            boolean logOnly, Integer lockTimeout, Map<String, String> set,
                            boolean atomic) {

    public DeployOptions {
        args = args == null ? List.of() : List.copyOf(args);
        set = set == null ? Map.of() : Map.copyOf(set);
    }

    /** The same options with the atomic deploy on or off. */
    public DeployOptions withAtomic(boolean on) {
        return new DeployOptions(args, target, toChange, mode, verify, logOnly, lockTimeout, set, on);
    }

    /** All defaults: deploy the default target to the end of the plan. */
    public static DeployOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Deploy options by name. */
    public static final class Builder extends DeployingBuilder<Builder> {

        private String toChange;
        private boolean atomic;

        private Builder() {
        }

        /** {@code --to-change}, or null: the end of the plan. */
        public Builder toChange(String value) {
            toChange = value;
            return this;
        }

        /** Deploy every pending change in one transaction (not in Sqitch; {@code sqlitch.atomic}). */
        public Builder atomic(boolean value) {
            atomic = value;
            return this;
        }

        public DeployOptions build() {
            return new DeployOptions(args, target, toChange, mode, verify, logOnly, lockTimeout, set, atomic);
        }
    }
}
