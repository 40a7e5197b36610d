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

    /** Sqitch's options only (no atomic deploy). */
    public DeployOptions(List<String> args, String target, String toChange, String mode, Boolean verify,
                         boolean logOnly, Integer lockTimeout, Map<String, String> set) {
        this(args, target, toChange, mode, verify, logOnly, lockTimeout, set, false);
    }

    /** The same options with the atomic deploy on or off. */
    public DeployOptions withAtomic(boolean on) {
        return new DeployOptions(args, target, toChange, mode, verify, logOnly, lockTimeout, set, on);
    }

    /** All defaults: deploy the default target to the end of the plan. */
    public static DeployOptions defaults() {
        return new DeployOptions(List.of(), null, null, null, null, false, null, Map.of());
    }
}
