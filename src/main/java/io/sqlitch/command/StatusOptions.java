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

    public static StatusOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Status options by name. */
    public static final class Builder {

        private List<String> args;
        private String target;
        private String project;
        private Boolean showChanges;
        private Boolean showTags;
        private String dateFormat;

        private Builder() {
        }

        /** Positional arguments, classified as Sqitch does. */
        public Builder args(List<String> value) {
            args = value;
            return this;
        }

        /** {@code -t/--target}: a target name or {@code db:} URI; null: the default. */
        public Builder target(String value) {
            target = value;
            return this;
        }

        /** {@code --project}; null: the plan's (or the registry's only) project. */
        public Builder project(String value) {
            project = value;
            return this;
        }

        /** {@code --show-changes}/{@code --no-show-changes}; null: the configuration. */
        public Builder showChanges(Boolean value) {
            showChanges = value;
            return this;
        }

        /** {@code --show-tags}/{@code --no-show-tags}; null: the configuration. */
        public Builder showTags(Boolean value) {
            showTags = value;
            return this;
        }

        /** {@code --date-format}; null: {@code status.date_format}, else iso. */
        public Builder dateFormat(String value) {
            dateFormat = value;
            return this;
        }

        public StatusOptions build() {
            return new StatusOptions(args, target, project, showChanges, showTags, dateFormat);
        }
    }
}
