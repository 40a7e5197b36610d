package io.sqlitch.maven;

import io.sqlitch.command.ListingBuilder;
import org.apache.maven.plugins.annotations.Parameter;

/** The listing options {@code plan} and {@code log} share: formats, paging, ordering and the change filter. */
abstract class AbstractHistoryMojo extends AbstractSqlitchMojo {

    /**
     * {@code --change-pattern}: only changes whose name matches this regular expression.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.changePattern")
    protected String changePattern;

    /**
     * {@code --max-count} ({@code -n}): at most this many items.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.maxCount")
    protected Integer maxCount;

    /**
     * {@code --skip}: skip this many items first.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.skipCount")
    protected Integer skipCount;

    /**
     * {@code --reverse}: the opposite order.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.reverse", defaultValue = "false")
    protected boolean reverse;

    /**
     * {@code --no-headers} is {@code -Dsqlitch.headers=false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.headers", defaultValue = "true")
    protected boolean headers;

    /**
     * {@code --format}: {@code raw}, {@code full}, {@code long}, {@code medium}, {@code short}, {@code oneline} or
     * {@code format:<template>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.format")
    protected String format;

    /**
     * {@code --oneline}: the oneline format with 6-character IDs.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.oneline", defaultValue = "false")
    protected boolean oneline;

    /**
     * {@code --abbrev}: abbreviate IDs to this many characters.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.abbrev")
    protected Integer abbrev;

    /**
     * {@code --date-format}: {@code iso}, {@code raw}, {@code rfc}, {@code full}, ..., {@code strftime:...}, {@code
     * cldr:...}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.dateFormat")
    protected String dateFormat;

    /**
     * {@code --color}: {@code always}, {@code never} or {@code auto} (Maven's log is never a terminal).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.color")
    protected String color;

    /** The listing options plan and log give alike. */
    protected <B extends ListingBuilder<B>> B listing(B options) {
        // sqlitch.skip is the goal-skipping switch; Sqitch's --skip N is sqlitch.skipCount.
        return options.changePattern(changePattern).maxCount(maxCount).skip(skipCount).reverse(reverse)
                .headers(headers).format(format).oneline(oneline).abbrev(abbrev).dateFormat(dateFormat).color(color);
    }
}
