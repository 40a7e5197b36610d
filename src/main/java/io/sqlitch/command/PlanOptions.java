package io.sqlitch.command;

import java.util.List;

/**
 * {@code sqitch plan} options.
 *
 * @param target         {@code --target}: the target whose plan to show (null: the default)
 * @param event          {@code --event deploy|revert} (null: all)
 * @param changePattern  {@code --change-pattern} (Perl regex, unanchored)
 * @param plannerPattern {@code --planner-pattern} (Perl regex, unanchored)
 * @param maxCount       {@code --max-count} (null: no limit)
 * @param skip           {@code --skip} (null: 0)
 * @param reverse        {@code --reverse}: latest first
 * @param headers        false for {@code --no-headers}
 * @param format         {@code --format} name or {@code format:...} (null: {@code plan.format}, else medium)
 * @param oneline        {@code --oneline}: format oneline, abbrev 6
 * @param abbrev         {@code --abbrev} (null: full ids)
 * @param dateFormat     {@code --date-format} (null: {@code plan.date_format}, else iso)
 * @param color          {@code --color always|never|auto} (null: {@code plan.color}); only "always" colours,
 *                       since Maven output is never a terminal
 * @param args           positional arguments (targets)
 */
public record PlanOptions(String target, String event, String changePattern, String plannerPattern,
                          Integer maxCount, Integer skip, boolean reverse, boolean headers, String format,
                          boolean oneline, Integer abbrev, String dateFormat, String color, List<String> args) {

    public PlanOptions {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The defaults: every change, medium format, with headers. */
    public static PlanOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plan options by name. */
    public static final class Builder extends ListingBuilder<Builder> {

        private String event;
        private String plannerPattern;

        private Builder() {
        }

        /** {@code --event deploy|revert}; null: all. */
        public Builder event(String value) {
            event = value;
            return this;
        }

        /** {@code --planner-pattern}: a regex on the planner name. */
        public Builder plannerPattern(String value) {
            plannerPattern = value;
            return this;
        }

        public PlanOptions build() {
            return new PlanOptions(target, event, changePattern, plannerPattern, maxCount, skip, reverse,
                    headers == null || headers, format, oneline, abbrev, dateFormat, color, args);
        }
    }

    public PlanOptions withFormat(String newFormat) {
        return new PlanOptions(target, event, changePattern, plannerPattern, maxCount, skip, reverse, headers,
                newFormat, oneline, abbrev, dateFormat, color, args);
    }
}
