package io.sqlitch.command;

/**
 * {@code sqitch check} options.
 *
 * @param target     {@code [target]} / {@code -t/--target}; null: the default
 * @param fromChange {@code --from-change}/{@code --from}: first change to check; null: the first deployed
 * @param toChange   {@code --to-change}/{@code --to}: last change to check; null: the last deployed
 */
public record CheckOptions(String target, String fromChange, String toChange) {
}
