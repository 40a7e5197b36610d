package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch rework} options.
 *
 * @param changeName {@code --change}: the change to rework (null: the first unknown argument)
 * @param requires   {@code --requires} specs, after the implicit {@code name@tag}
 * @param conflicts  {@code --conflicts} specs (without "!")
 * @param notes      {@code --note} paragraphs, joined by a blank line
 * @param all        {@code --all}: rework in the plans of every target
 * @param args       positional arguments: change name, targets
 */
public record ReworkOptions(String changeName, List<String> requires, List<String> conflicts, List<String> notes,
                            boolean all, List<String> args) {

    public ReworkOptions {
        requires = requires == null ? List.of() : List.copyOf(requires);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        notes = notes == null ? List.of() : List.copyOf(notes);
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static ReworkOptions of(String name, List<String> requires, List<String> conflicts, String note) {
        return builder().changeName(name).requires(requires).conflicts(conflicts)
                .notes(note == null ? List.of() : List.of(note)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Rework options by name. */
    public static final class Builder extends AuthoringBuilder<Builder> {

        private Builder() {
        }

        public ReworkOptions build() {
            return new ReworkOptions(changeName, requires, conflicts, notes, all, args);
        }
    }
}
