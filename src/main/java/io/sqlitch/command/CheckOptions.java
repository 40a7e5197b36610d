package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch check} options.
 *
 * @param args       positional arguments ({@code [target] [from] [to]}), classified as Sqitch does
 * @param target     {@code -t/--target}; null: the default
 * @param fromChange {@code --from-change}/{@code --from}: first change to check; null: the first deployed
 * @param toChange   {@code --to-change}/{@code --to}: last change to check; null: the last deployed
 */
public record CheckOptions(List<String> args, String target, String fromChange, String toChange) {

    public CheckOptions {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** {@code target} as the one positional argument (the Maven {@code sqlitch.target}). */
    public CheckOptions(String target, String fromChange, String toChange) {
        this(Positional.of(target), null, fromChange, toChange);
    }
}
