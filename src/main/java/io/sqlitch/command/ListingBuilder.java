package io.sqlitch.command;

/**
 * The listing options {@code log} and {@code plan} share, by name: targets, the change filter, paging, order,
 * headers and formats.
 *
 * @param <B> the concrete builder
 */
public abstract class ListingBuilder<B extends ListingBuilder<B>> extends TargetedBuilder<B> {

    String changePattern;
    Integer maxCount;
    Integer skip;
    boolean reverse;
    Boolean headers;
    String format;
    String dateFormat;
    boolean oneline;
    Integer abbrev;
    String color;

    ListingBuilder() {
    }

    /** {@code --change-pattern}: a regex on the change name. */
    public B changePattern(String value) {
        changePattern = value;
        return self();
    }

    /** {@code -n/--max-count}; null: no limit. */
    public B maxCount(Integer value) {
        maxCount = value;
        return self();
    }

    /** {@code --skip}; null: none. */
    public B skip(Integer value) {
        skip = value;
        return self();
    }

    /** {@code --reverse}. */
    public B reverse(boolean value) {
        reverse = value;
        return self();
    }

    /** {@code --headers}/{@code --no-headers}; null: headers. */
    public B headers(Boolean value) {
        headers = value;
        return self();
    }

    /** {@code -f/--format}: a format name or {@code format:...}; null: the configuration, else medium. */
    public B format(String value) {
        format = value;
        return self();
    }

    /** {@code --date-format}; null: the configuration, else iso. */
    public B dateFormat(String value) {
        dateFormat = value;
        return self();
    }

    /** {@code --oneline}: the oneline format with 6-character IDs. */
    public B oneline(boolean value) {
        oneline = value;
        return self();
    }

    /** {@code --abbrev}; null: full IDs. */
    public B abbrev(Integer value) {
        abbrev = value;
        return self();
    }

    /** {@code --color always|never|auto}; null: the configuration. */
    public B color(String value) {
        color = value;
        return self();
    }
}
