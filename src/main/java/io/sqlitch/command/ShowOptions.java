package io.sqlitch.command;

/**
 * {@code sqitch show} options.
 *
 * @param type   change, tag, deploy, revert or verify
 * @param key    the change or tag specifier
 * @param target {@code --target} (null: the default target)
 * @param exists {@code --exists}: no output, only whether the object exists
 */
public record ShowOptions(String type, String key, String target, boolean exists) {

    public static ShowOptions of(String type, String key) {
        return new ShowOptions(type, key, null, false);
    }
}
