package io.sqlitch.format;

import static io.sqlitch.format.DateFormats.pad;

import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CLDR date patterns as Perl DateTime's {@code format_cldr} renders them in the en-US locale. */
final class Cldr {

    private Cldr() {
    }

    // DateTime's tokens: a quoted run ('' inside stays doubled until the end), a run of one letter, any char.
    private static final Pattern TOKEN =
            Pattern.compile("'((?:[^']|'')*)'|(([a-zA-Z])\\3*)|(.)", Pattern.DOTALL);

    static String format(ZonedDateTime t, String pattern) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            if (m.group(1) != null) {
                out.append(m.group(1));
            } else if (m.group(2) != null) {
                String field = field(t, m.group(3).charAt(0), m.group(2).length());
                out.append(field == null ? m.group(2) : field);
            } else {
                out.append(m.group(4));
            }
        }
        // DateTime turns every doubled quote of the result into one, quoted or not.
        return out.toString().replace("''", "'");
    }

    /**
     * One run of {@code count} repeated {@code letter}s, or null when the letter is not a field. As in DateTime,
     * a run longer than the longest form uses that form, and the whole run yields one value.
     */
    private static String field(ZonedDateTime t, char letter, int count) {
        int month = t.getMonthValue() - 1;
        int dow = t.getDayOfWeek().getValue() - 1;
        int two = Math.min(count, 2);
        switch (letter) {
            case 'G':
                return count >= 5 ? (t.getYear() > 0 ? "A" : "B")
                        : count == 4 ? (t.getYear() > 0 ? "Anno Domini" : "Before Christ")
                        : (t.getYear() > 0 ? "AD" : "BC");
            case 'y':
                return count >= 3 ? pad(t.getYear(), Math.min(count, 5))
                        : count == 2 ? pad(Math.floorMod(t.getYear(), 100), 2) : Integer.toString(t.getYear());
            case 'u':
                return pad(t.getYear(), count);
            case 'Y':
                return pad(DateFormats.isoWeekYear(t), count);
            case 'Q':
            case 'q': {
                int q = month / 3;
                return count >= 4 ? DateFormats.QUARTERS_WIDE[q] : count == 3 ? "Q" + (q + 1) : pad(q + 1, count);
            }
            case 'M':
            case 'L':
                return count >= 5 ? DateFormats.MONTHS_NARROW[month] : count == 4 ? DateFormats.MONTHS_WIDE[month]
                        : count == 3 ? DateFormats.MONTHS_ABBR[month] : pad(month + 1, count);
            case 'w':
                return pad(DateFormats.isoWeek(t), two);
            case 'W':
                return Integer.toString(DateFormats.weekOfMonth(t));
            case 'd':
                return pad(t.getDayOfMonth(), two);
            case 'D':
                return pad(t.getDayOfYear(), Math.min(count, 3));
            case 'F':
                return Integer.toString((t.getDayOfMonth() - 1) / 7 + 1);
            case 'g':
                // Modified Julian Day.
                return pad(t.toLocalDate().toEpochDay() + 40587L, count);
            case 'E':
                return dayName(dow, Math.max(count, 3));
            case 'e':
                // en-US weeks start on Sunday: Sunday is local day 1.
                return count >= 3 ? dayName(dow, count) : pad(t.getDayOfWeek().getValue() % 7 + 1, count);
            case 'c':
                return count >= 3 ? dayName(dow, count) : pad(dow + 1, count);
            case 'a':
                return DateFormats.amPm(t);
            case 'h':
            case 'j':
                return pad(DateFormats.hour12(t), two);
            case 'H':
                return pad(t.getHour(), two);
            case 'K':
                return pad(t.getHour() % 12, two);
            case 'k':
                return pad(t.getHour() == 0 ? 24 : t.getHour(), two);
            case 'm':
                return pad(t.getMinute(), two);
            case 's':
                return pad(t.getSecond(), two);
            case 'S': {
                String nanos = pad(DateFormats.nanos(t), 9);
                return count <= 9 ? nanos.substring(0, count) : nanos + "0".repeat(count - 9);
            }
            case 'A':
                return Long.toString(t.toLocalTime().toSecondOfDay() * 1000L + DateFormats.nanos(t) / 1_000_000);
            case 'z':
            case 'v':
            case 'V':
                return count >= 4 ? DateFormats.zoneLongName(t) : DateFormats.zoneShortName(t);
            case 'Z':
                return count >= 5 ? DateFormats.offset(t, ":") : count == 4
                        ? DateFormats.zoneShortName(t) + DateFormats.offset(t, "") : DateFormats.offset(t, "");
            default:
                return null;
        }
    }

    private static String dayName(int dow, int count) {
        return count >= 5 ? DateFormats.DAYS_NARROW[dow] : count == 4 ? DateFormats.DAYS_WIDE[dow]
                : DateFormats.DAYS_ABBR[dow];
    }
}
