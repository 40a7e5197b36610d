package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch status} options; null means "not given" (then the configuration or Sqitch's default applies).
 *
 * @param args        positional arguments, classified as Sqitch does (targets, engines, plan files, changes)
 * @param target      {@code -t/--target}: a target name or {@code db:} URI; null: the default
 * @param project     {@code --project}: the project to report on; null: the plan's (or the registry's only) project
 * @param showChanges {@code --show-changes}/{@code --no-show-changes}; null: {@code status.show_changes}, else false
 * @param showTags    {@code --show-tags}/{@code --no-show-tags}; null: {@code status.show_tags}, else false
 * @param dateFormat  {@code --date-format}; null: {@code status.date_format}, else {@code iso}
 */
public record StatusOptions(List<String> args, String target, String project, Boolean showChanges,
                            Boolean showTags, String dateFormat) {

    public StatusOptions {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** {@code target} as the one positional argument (the Maven {@code sqlitch.target}). */
    public StatusOptions(String target, String project, Boolean showChanges, Boolean showTags, String dateFormat) {
        this(Positional.of(target), null, project, showChanges, showTags, dateFormat);
    }

    public static StatusOptions defaults() {
        return new StatusOptions(null, null, null, null, null);
    }
}
