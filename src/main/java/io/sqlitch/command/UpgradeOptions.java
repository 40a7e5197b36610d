package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch upgrade} options.
 *
 * @param args   positional arguments, classified as Sqitch does
 * @param target {@code -t/--target}; null: the default
 */
public record UpgradeOptions(List<String> args, String target) {

    public UpgradeOptions {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** {@code target} as the one positional argument (the Maven {@code sqlitch.target}). */
    public UpgradeOptions(String target) {
        this(Positional.of(target), null);
    }
}
