package io.sqlitch.command;

import java.util.List;

/**
 * The root of the options builders of the commands that work on a target: the positional arguments and
 * {@code -t/--target}. Each setter names its option, so a new option shifts no position.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TargetedBuilder<B extends TargetedBuilder<B>> {

    List<String> args;
    String target;

    TargetedBuilder() {
    }

    /** Positional arguments (targets, changes...), classified as Sqitch does. */
    public B args(List<String> value) {
        args = value;
        return self();
    }

    /** {@code -t/--target}: a target name or URI; null: the default target. */
    public B target(String value) {
        target = value;
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
