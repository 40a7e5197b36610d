package io.sqlitch.format;

import static io.sqlitch.format.DateFormats.pad;
import static io.sqlitch.format.DateFormats.spacePad;

import java.time.ZonedDateTime;

/** strftime patterns as Perl DateTime's {@code strftime} renders them in the en-US locale. */
final class Strftime {

    private Strftime() {
    }

    static String format(ZonedDateTime t, String pattern) {
        StringBuilder out = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            // %3N style: digits before N give the number of fractional digits.
            int j = i + 1;
            while (j < n && Character.isDigit(pattern.charAt(j))) {
                j++;
            }
            if (j > i + 1) {
                if (j < n && pattern.charAt(j) == 'N') {
                    out.append(fraction(t, Integer.parseInt(pattern.substring(i + 1, j))));
                    i = j;
                } else {
                    out.append(c);
                }
                continue;
            }
            String field = field(t, pattern.charAt(i + 1));
            if (field == null) {
                out.append(c).append(pattern.charAt(i + 1));
            } else {
                out.append(field);
            }
            i++;
        }
        return out.toString();
    }

    private static String fraction(ZonedDateTime t, int digits) {
        String nanos = pad(DateFormats.nanos(t), 9);
        return digits <= 9 ? nanos.substring(0, digits) : nanos + "0".repeat(digits - 9);
    }

    private static String field(ZonedDateTime t, char code) {
        int month = t.getMonthValue() - 1;
        int dow = t.getDayOfWeek().getValue() - 1;
        switch (code) {
            case 'a': return DateFormats.DAYS_ABBR[dow];
            case 'A': return DateFormats.DAYS_WIDE[dow];
            case 'b':
            case 'h': return DateFormats.MONTHS_ABBR[month];
            case 'B': return DateFormats.MONTHS_WIDE[month];
            case 'c': return Cldr.format(t, DateFormats.DATETIME_MEDIUM);
            case 'C': return pad(t.getYear() / 100, 2);
            case 'd': return pad(t.getDayOfMonth(), 2);
            case 'D': return format(t, "%m/%d/%y");
            case 'e': return spacePad(t.getDayOfMonth(), 2);
            case 'F': return format(t, "%Y-%m-%d");
            case 'g': return pad(Math.floorMod(DateFormats.isoWeekYear(t), 100), 2);
            case 'G': return Integer.toString(DateFormats.isoWeekYear(t));
            case 'H': return pad(t.getHour(), 2);
            case 'I': return pad(DateFormats.hour12(t), 2);
            case 'j': return pad(t.getDayOfYear(), 3);
            case 'k': return spacePad(t.getHour(), 2);
            case 'l': return spacePad(DateFormats.hour12(t), 2);
            case 'm': return pad(month + 1, 2);
            case 'M': return pad(t.getMinute(), 2);
            case 'n': return "\n";
            case 'N': return fraction(t, 9);
            case 'p': return DateFormats.amPm(t);
            case 'P': return DateFormats.amPm(t).toLowerCase(java.util.Locale.ROOT);
            case 'r': return format(t, "%I:%M:%S %p");
            case 'R': return format(t, "%H:%M");
            case 's': return Long.toString(t.toEpochSecond());
            case 'S': return pad(t.getSecond(), 2);
            case 't': return "\t";
            case 'T': return format(t, "%H:%M:%S");
            case 'u': return Integer.toString(dow + 1);
            case 'U': return pad(DateFormats.sundayWeek(t), 2);
            case 'V': return pad(DateFormats.isoWeek(t), 2);
            case 'w': return Integer.toString((dow + 1) % 7);
            case 'W': return pad(DateFormats.mondayWeek(t), 2);
            case 'x': return Cldr.format(t, DateFormats.DATE_MEDIUM);
            case 'X': return Cldr.format(t, DateFormats.TIME_MEDIUM);
            case 'y': return pad(Math.floorMod(t.getYear(), 100), 2);
            case 'Y': return Integer.toString(t.getYear());
            case 'z': return DateFormats.offset(t, "");
            case 'Z': return DateFormats.zoneShortName(t);
            case '%': return "%";
            default: return null;
        }
    }
}
