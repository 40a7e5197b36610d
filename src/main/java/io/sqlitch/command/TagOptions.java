package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch tag} options.
 *
 * @param tagName    {@code --tag}: the tag name, with or without "@" (null: the first unknown argument; none at
 *                   all: list the tags)
 * @param changeName {@code --change}: the change to tag (null: the next unknown argument, else the last change)
 * @param notes      {@code --note} paragraphs, joined by a blank line
 * @param all        {@code --all}: tag the plans of every target
 * @param args       positional arguments: tag name, change, targets
 */
public record TagOptions(String tagName, String changeName, List<String> notes, boolean all, List<String> args) {

    public TagOptions {
        notes = notes == null ? List.of() : List.copyOf(notes);
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static TagOptions of(String tag, String change, String note) {
        return new TagOptions(tag, change, note == null ? List.of() : List.of(note), false, List.of());
    }
}
