package io.sqlitch.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sqlitch.SqitchException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Expectations from Perl's App::Sqitch::DateTime under LC_ALL=C.UTF-8 (t/datetime.t's formats). */
class DateFormatsTest {

    private static final Instant AT = Instant.parse("2012-07-16T17:25:07Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static String chicago(String format) {
        return DateFormats.format(AT, format, CHICAGO);
    }

    @Test
    void rawIsUtcIso8601WithZ() {
        assertEquals("2012-07-16T17:25:07Z", chicago("raw"));
        assertEquals("2012-07-16T17:25:07Z", chicago(""));
    }

    @Test
    void isoAndRfcUseTheGivenZone() {
        assertEquals("2012-07-16 12:25:07 -0500", chicago("iso"));
        assertEquals("2012-07-16 12:25:07 -0500", chicago("iso8601"));
        assertEquals("Mon, 16 Jul 2012 12:25:07 -0500", chicago("rfc"));
        assertEquals("Mon, 16 Jul 2012 12:25:07 -0500", chicago("rfc2822"));
        assertEquals("2012-07-16 17:25:07 +0000", DateFormats.format(AT, "iso", ZoneId.of("UTC")));
    }

    @Test
    void rfcWritesUtcAsMinusZero() {
        assertEquals("Mon, 16 Jul 2012 17:25:07 -0000", DateFormats.format(AT, "rfc", ZoneOffset.UTC));
    }

    @Test
    void localeLengthsAreEnUsWithNarrowNoBreakSpaceBeforeAmPm() {
        assertEquals("Monday, July 16, 2012, 12:25:07\u202fPM America/Chicago", chicago("full"));
        assertEquals("July 16, 2012, 12:25:07\u202fPM CDT", chicago("long"));
        assertEquals("Jul 16, 2012, 12:25:07\u202fPM", chicago("medium"));
        assertEquals("7/16/12, 12:25\u202fPM", chicago("short"));
        Instant morning = Instant.parse("2012-07-06T07:05:07Z");
        assertEquals("Friday, July 6, 2012, 7:05:07\u202fAM UTC", DateFormats.format(morning, "full", ZoneId.of("UTC")));
        assertEquals("July 6, 2012, 7:05:07\u202fAM UTC", DateFormats.format(morning, "long", ZoneOffset.UTC));
    }

    @Test
    void cldrPatternsLikePerlDateTime() {
        assertEquals("12h 25m", chicago("cldr:HH'h' mm'm'"));
        assertEquals("AD Anno Domini 2012 12 2012 2012 2012 3 03 Q3 3rd quarter 7 07 Jul July J 7 16 16 198 3 Mon "
                + "Monday M 2 1 PM 12 12 12 0 12 25 7 000 44707000 CDT America/Chicago -0500 CDT-0500 -05:00 CDT "
                + "America/Chicago CDT 29 3 3  o'clock",
                chicago("cldr:G GGGG y yy yyyy Y u Q QQ QQQ QQQQ M MM MMM MMMM MMMMM L d dd D F E EEEE EEEEE e c a "
                        + "h hh H K k m s SSS A z zzzz Z ZZZZ ZZZZZ v vvvv V w W q '' 'o''clock'"));
        assertEquals("A 02012 002012 002012 3rd quarter J 16 198 3 56124 3 M 02 Mon 01 M 12 44707000 00000000000 "
                + "-05:00 America/Chicago x", chicago("cldr:GGGGGG yyyyyy uuuuuu YYYYYY QQQQQ MMMMMM dddd DDDD FF g WW "
                        + "EEEEEE ee eee cc ccccc hhh AAAA SSSSSSSSSSS ZZZZZZ zzzzz x"));
        assertEquals("2013 1 5 2 366 06 PM 6 18",
                DateFormats.format(Instant.parse("2013-01-01T00:05:07Z"), "cldr:Y w W e D hh a K k", CHICAGO));
    }

    @Test
    void strftimePatternsLikePerlDateTime() {
        assertEquals("Mon at 12:25:07", chicago("strftime:%a at %H:%M:%S"));
        assertEquals("Mon Monday Jul July Jul 16, 2012, 12:25:07\u202fPM 20 16 07/16/12 16 2012-07-16 12 2012 Jul 12 "
                + "12 198 12 12 07 25 000000000 000 PM pm 12:25:07 PM 12:25 1342459507 07 12:25:07 1 29 29 1 29 "
                + "Jul 16, 2012 12:25:07\u202fPM 12 2012 -0500 CDT % %q",
                chicago("strftime:%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %N %3N %p %P %r %R %s "
                        + "%S %T %u %U %V %w %W %x %X %y %Y %z %Z %% %q"));
        assertEquals("53 01 53 2013 13 366 06 PM  6 18", DateFormats.format(Instant.parse("2013-01-01T00:05:07Z"),
                "strftime:%U %V %W %G %g %j %I %p %l %k", CHICAGO));
    }

    @Test
    void unknownFormatIsRejectedWithSqitchMessage() {
        SqitchException e = assertThrows(SqitchException.class, () -> chicago("nonesuch"));
        assertEquals("Unknown date format \"nonesuch\"", e.getMessage());
        e = assertThrows(SqitchException.class, () -> DateFormats.validate("nonesuch"));
        assertEquals("Unknown date format \"nonesuch\"", e.getMessage());
        for (String ok : DateFormats.NAMES) {
            DateFormats.validate(ok);
        }
        DateFormats.validate("cldr:y");
        DateFormats.validate("strftime:%Y");
    }
}
