package io.sqlitch.registry;

import java.time.Instant;

/**
 * A plan tag to log with the change that carries it.
 *
 * @param id        the tag id (SHA-1)
 * @param name      the tag name <em>without</em> the leading {@code @}; the registry stores {@code @name}
 * @param note      the tag's note ({@code ""} when none)
 * @param plannedAt the tag's plan timestamp
 * @param planner   the tag's planner
 */
public record TagRecord(String id, String name, String note, Instant plannedAt, Identity planner) {

    /** {@code @name}, Sqitch's {@code format_name}. */
    public String formatName() {
        return "@" + name;
    }
}
