package io.sqlitch.command;

import java.util.List;

/**
 * The options {@code add} and {@code rework} share, by name: the change, its dependencies, its note, {@code --all}
 * and the positional arguments.
 *
 * @param <B> the concrete builder
 */
public abstract class AuthoringBuilder<B extends AuthoringBuilder<B>> {

    String changeName;
    List<String> requires;
    List<String> conflicts;
    List<String> notes;
    boolean all;
    List<String> args;

    AuthoringBuilder() {
    }

    /** {@code --change}/{@code -c}: the change name; null: the first unknown argument. */
    public B changeName(String value) {
        changeName = value;
        return self();
    }

    /** {@code --requires}/{@code -r} specs. */
    public B requires(List<String> value) {
        requires = value;
        return self();
    }

    /** {@code --conflicts}/{@code -x} specs (without "!"). */
    public B conflicts(List<String> value) {
        conflicts = value;
        return self();
    }

    /** {@code --note}/{@code -n} paragraphs, joined by a blank line. */
    public B notes(List<String> value) {
        notes = value;
        return self();
    }

    /** {@code --all}: change the plans of every target. */
    public B all(boolean value) {
        all = value;
        return self();
    }

    /** Positional arguments: the change name and targets, sorted as Sqitch's {@code parse_args} does. */
    public B args(List<String> value) {
        args = value;
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
