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

    /** One pattern field of {@code count} repeated {@code letter}s, or null when the letter is not a field. */
    private static String field(ZonedDateTime t, char letter, int count) {
        int month = t.getMonthValue() - 1;
        int dow = t.getDayOfWeek().getValue() - 1;
        switch (letter) {
            case 'G':
                if (count > 5) {
                    return null;
                }
                return count == 4 ? (t.getYear() > 0 ? "Anno Domini" : "Before Christ")
                        : count == 5 ? (t.getYear() > 0 ? "A" : "B") : (t.getYear() > 0 ? "AD" : "BC");
            case 'y':
                return count == 2 ? pad(Math.floorMod(t.getYear(), 100), 2)
                        : count == 1 ? Integer.toString(t.getYear()) : pad(t.getYear(), count);
            case 'Y':
                return count == 2 ? pad(Math.floorMod(DateFormats.isoWeekYear(t), 100), 2)
                        : pad(DateFormats.isoWeekYear(t), count);
            case 'u':
                return pad(t.getYear(), count);
            case 'Q':
            case 'q': {
                int q = (t.getMonthValue() - 1) / 3;
                return count <= 2 ? pad(q + 1, count) : count == 3 ? "Q" + (q + 1) : count == 4
                        ? DateFormats.QUARTERS_WIDE[q] : Integer.toString(q + 1);
            }
            case 'M':
            case 'L':
                return count <= 2 ? pad(month + 1, count) : count == 3 ? DateFormats.MONTHS_ABBR[month]
                        : count == 4 ? DateFormats.MONTHS_WIDE[month] : DateFormats.MONTHS_NARROW[month];
            case 'w':
                return pad(DateFormats.isoWeek(t), count);
            case 'W':
                return pad(DateFormats.weekOfMonth(t), count);
            case 'd':
                return pad(t.getDayOfMonth(), count);
            case 'D':
                return pad(t.getDayOfYear(), count);
            case 'F':
                return pad((t.getDayOfMonth() - 1) / 7 + 1, count);
            case 'g':
                return pad(t.toLocalDate().toEpochDay() + 2440588L, count);
            case 'E':
                return count <= 3 ? DateFormats.DAYS_ABBR[dow] : count == 4 ? DateFormats.DAYS_WIDE[dow]
                        : DateFormats.DAYS_NARROW[dow];
            case 'e':
            case 'c':
                if (count <= 2) {
                    // en-US weeks start on Sunday: Sunday is local day 1.
                    return pad(t.getDayOfWeek().getValue() % 7 + 1, count);
                }
                return count == 3 ? DateFormats.DAYS_ABBR[dow] : count == 4 ? DateFormats.DAYS_WIDE[dow]
                        : DateFormats.DAYS_NARROW[dow];
            case 'a':
                return DateFormats.amPm(t);
            case 'h':
                return pad(DateFormats.hour12(t), count);
            case 'H':
                return pad(t.getHour(), count);
            case 'K':
                return pad(t.getHour() % 12, count);
            case 'k':
                return pad(t.getHour() == 0 ? 24 : t.getHour(), count);
            case 'j':
                return pad(DateFormats.hour12(t), count);
            case 'm':
                return pad(t.getMinute(), count);
            case 's':
                return pad(t.getSecond(), count);
            case 'S': {
                String nanos = pad(DateFormats.nanos(t), 9);
                return count <= 9 ? nanos.substring(0, count) : nanos + "0".repeat(count - 9);
            }
            case 'A':
                return pad(t.toLocalTime().toSecondOfDay() * 1000L + DateFormats.nanos(t) / 1_000_000, count);
            case 'z':
                return count == 4 ? DateFormats.zoneLongName(t) : DateFormats.zoneShortName(t);
            case 'Z':
                return count <= 3 ? DateFormats.offset(t, "") : count == 4
                        ? DateFormats.zoneShortName(t) + DateFormats.offset(t, "") : DateFormats.offset(t, ":");
            case 'v':
                return count == 4 ? DateFormats.zoneLongName(t) : DateFormats.zoneShortName(t);
            case 'V':
                return count == 4 ? DateFormats.zoneLongName(t) : DateFormats.zoneShortName(t);
            default:
                return null;
        }
    }
}
