package io.sqlitch.registry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The text formats of registry times (all UTC): {@code committed_at} and friends as SQLite's
 * {@code strftime('%Y-%m-%d %H:%M:%f')} writes them, {@code planned_at} without a fraction.
 */
public final class RegistryTime {

    private static final DateTimeFormatter COMMITTED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLANNED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private RegistryTime() {
    }

    /** {@code 2026-11-23 19:53:56.503}: the instant truncated to milliseconds. */
    public static String committed(Instant instant) {
        return COMMITTED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code 2026-11-23 19:53:56}: Sqitch's {@code _char2ts} of a plan timestamp. */
    public static String planned(Instant instant) {
        return PLANNED.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Reads a registry time back as a UTC instant: {@code YYYY-MM-DD HH:MM:SS} with an optional fraction
     * (Sqitch's format, the column default {@code CURRENT_TIMESTAMP}, or an ISO {@code T}/{@code Z} variant).
     */
    public static Instant parse(String text) {
        String iso = text.trim().replace(' ', 'T');
        if (iso.endsWith("Z")) {
            iso = iso.substring(0, iso.length() - 1);
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Null-tolerant {@link #parse}. */
    static Instant parseOrNull(String text) {
        return text == null ? null : parse(text);
    }
}
