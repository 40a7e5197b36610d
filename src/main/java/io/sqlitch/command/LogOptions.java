package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch log} options; null means "not given".
 *
 * @param args             positional arguments, classified as Sqitch does
 * @param target           {@code -t/--target}; null: the default target
 * @param events           {@code --event} (repeatable: deploy, revert, fail, merge); empty: all
 * @param changePattern    {@code --change-pattern}: regex on the change name
 * @param projectPattern   {@code --project-pattern}: regex on the project
 * @param committerPattern {@code --committer-pattern}: regex on the committer name
 * @param maxCount         {@code -n/--max-count}
 * @param skip             {@code --skip}
 * @param reverse          {@code --reverse}: oldest first
 * @param format           {@code -f/--format}: raw, full, long, medium, short, oneline or {@code format:...};
 *                         null: {@code log.format}, else medium
 * @param dateFormat       {@code --date-format}; null: {@code log.date_format}, else iso
 * @param oneline          {@code --oneline}: format oneline (unless given) and abbrev 6 (unless given)
 * @param abbrev           {@code --abbrev}
 * @param headers          {@code --headers}/{@code --no-headers}; null: true
 * @param color            {@code --color} always|never|auto ({@code --no-color} = never); null: {@code log.color},
 *                         else auto (no colour: the Maven log is no terminal)
 */
public record LogOptions(List<String> args, String target, List<String> events, String changePattern, String projectPattern,
                         String committerPattern, Integer maxCount, Integer skip, boolean reverse, String format,
                         String dateFormat, boolean oneline, Integer abbrev, Boolean headers, String color) {

    public LogOptions {
        args = args == null ? List.of() : List.copyOf(args);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static LogOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Log options by name. */
    public static final class Builder extends ListingBuilder<Builder> {

        private List<String> events;
        private String projectPattern;
        private String committerPattern;

        private Builder() {
        }

        /** {@code --event} (deploy, revert, fail, merge); empty: all. */
        public Builder events(List<String> value) {
            events = value;
            return this;
        }

        /** {@code --project-pattern}: a regex on the project. */
        public Builder projectPattern(String value) {
            projectPattern = value;
            return this;
        }

        /** {@code --committer-pattern}: a regex on the committer name. */
        public Builder committerPattern(String value) {
            committerPattern = value;
            return this;
        }

        public LogOptions build() {
            return new LogOptions(args, target, events, changePattern, projectPattern, committerPattern, maxCount,
                    skip, reverse, format, dateFormat, oneline, abbrev, headers, color);
        }
    }
}
