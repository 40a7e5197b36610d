package io.sqlitch.format;

import io.sqlitch.SqitchException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Locale;

/**
 * Sqitch's named date formats ({@code App::Sqitch::DateTime->as_string}): {@code raw}, {@code iso}/{@code iso8601},
 * {@code rfc}/{@code rfc2822}, the locale lengths {@code full|long|medium|short}, {@code strftime:<fmt>} and
 * {@code cldr:<pattern>}.
 *
 * <p>The locale formats are those Perl's DateTime::Locale gives for {@code LC_ALL=C.UTF-8} (it maps C to en-US,
 * CLDR 42: a narrow no-break space U+202F sits before AM/PM). The zone is always the caller's: this class never
 * reads the system default.
 */
public final class DateFormats {

    /** The named formats, in Sqitch's order. */
    public static final List<String> NAMES =
            List.of("raw", "iso", "iso8601", "rfc", "rfc2822", "full", "long", "medium", "short");

    private static final String NNBSP = "\u202f";
    static final String[] MONTHS_WIDE = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    static final String[] MONTHS_ABBR = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    static final String[] MONTHS_NARROW = {"J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"};
    // Monday first, like java.time.DayOfWeek.
    static final String[] DAYS_WIDE = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    static final String[] DAYS_ABBR = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static final String[] DAYS_NARROW = {"M", "T", "W", "T", "F", "S", "S"};
    static final String[] QUARTERS_WIDE = {"1st quarter", "2nd quarter", "3rd quarter", "4th quarter"};

    static final String DATETIME_FULL = "EEEE, MMMM d, y, h:mm:ss" + NNBSP + "a zzzz";
    static final String DATETIME_LONG = "MMMM d, y, h:mm:ss" + NNBSP + "a z";
    static final String DATETIME_MEDIUM = "MMM d, y, h:mm:ss" + NNBSP + "a";
    static final String DATETIME_SHORT = "M/d/yy, h:mm" + NNBSP + "a";
    static final String DATE_MEDIUM = "MMM d, y";
    static final String TIME_MEDIUM = "h:mm:ss" + NNBSP + "a";

    private DateFormats() {
    }

    /** Throws Sqitch's {@code Unknown date format "{format}"} unless {@code format} is one Sqitch accepts. */
    public static void validate(String format) {
        if (!NAMES.contains(format) && !format.startsWith("cldr:") && !format.startsWith("strftime:")) {
            throw unknown(format);
        }
    }

    /** Formats {@code instant} as Sqitch would with {@code --date-format format}, local times in {@code zone}. */
    public static String format(Instant instant, String format, ZoneId zone) {
        String f = format == null || format.isEmpty() ? "raw" : format;
        if (f.equals("raw")) {
            ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
            return ymd(utc) + "T" + hms(utc) + "Z";
        }
        ZonedDateTime t = instant.atZone(zone);
        switch (f) {
            case "iso", "iso8601":
                return ymd(t) + " " + hms(t) + " " + offset(t, "");
            case "rfc", "rfc2822": {
                String rv = Strftime.format(t, "%a, %d %b %Y %H:%M:%S %z");
                // Sqitch writes UTC as -0000 in RFC dates, as RFC 2822 suggests for unknown zones.
                return rv.endsWith("+0000") ? rv.substring(0, rv.length() - 5) + "-0000" : rv;
            }
            case "full":
                return Cldr.format(t, DATETIME_FULL);
            case "long":
                return Cldr.format(t, DATETIME_LONG);
            case "medium":
                return Cldr.format(t, DATETIME_MEDIUM);
            case "short":
                return Cldr.format(t, DATETIME_SHORT);
            default:
                if (f.startsWith("cldr:")) {
                    return Cldr.format(t, f.substring(5));
                }
                if (f.startsWith("strftime:")) {
                    return Strftime.format(t, f.substring(9));
                }
                throw unknown(f);
        }
    }

    private static SqitchException unknown(String format) {
        return new SqitchException("Unknown date format \"" + format + "\"");
    }

    static String ymd(ZonedDateTime t) {
        return pad(t.getYear(), 4) + "-" + pad(t.getMonthValue(), 2) + "-" + pad(t.getDayOfMonth(), 2);
    }

    static String hms(ZonedDateTime t) {
        return pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2);
    }

    /** The UTC offset as {@code +hhmm} (or {@code +hh:mm} with a colon separator), seconds if any. */
    static String offset(ZonedDateTime t, String sep) {
        int total = t.getOffset().getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        int abs = Math.abs(total);
        String rv = sign + pad(abs / 3600, 2) + sep + pad(abs / 60 % 60, 2);
        return abs % 60 == 0 ? rv : rv + sep + pad(abs % 60, 2);
    }

    static String zoneShortName(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset off) {
            return off.getTotalSeconds() == 0 ? "UTC" : offset(t, "");
        }
        return DateTimeFormatter.ofPattern("z", Locale.US).format(t);
    }

    static String zoneLongName(ZonedDateTime t) {
        // Perl DateTime's "long name" is the Olson name itself.
        if (t.getZone() instanceof ZoneOffset off) {
            return off.getTotalSeconds() == 0 ? "UTC" : offset(t, "");
        }
        return t.getZone().getId();
    }

    static String pad(long value, int width) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder sb = new StringBuilder(value < 0 ? "-" : "");
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    static String spacePad(long value, int width) {
        String s = Long.toString(value);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    static String amPm(ZonedDateTime t) {
        return t.getHour() < 12 ? "AM" : "PM";
    }

    static int sundayWeek(ZonedDateTime t) {
        // strftime %U: weeks starting on Sunday, days before the first Sunday in week 0.
        int yday = t.getDayOfYear() - 1;
        int wday = t.getDayOfWeek().getValue() % 7;
        return (yday + 7 - wday) / 7;
    }

    static int mondayWeek(ZonedDateTime t) {
        int yday = t.getDayOfYear() - 1;
        int wday = (t.getDayOfWeek().getValue() + 6) % 7;
        return (yday + 7 - wday) / 7;
    }

    static int isoWeek(ZonedDateTime t) {
        return t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    static int isoWeekYear(ZonedDateTime t) {
        return t.get(IsoFields.WEEK_BASED_YEAR);
    }

    static int weekOfMonth(ZonedDateTime t) {
        return t.get(WeekFields.of(DayOfWeek.MONDAY, 4).weekOfMonth());
    }

    static long nanos(ZonedDateTime t) {
        return t.getLong(ChronoField.NANO_OF_SECOND);
    }
}
