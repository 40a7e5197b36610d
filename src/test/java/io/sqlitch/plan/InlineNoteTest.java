package io.sqlitch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written inline-note split agrees with Sqitch's regex, which it replaced for speed. */
class InlineNoteTest {

    private static final Pattern SQITCH_INLINE_NOTE = Pattern.compile(
            "(" + Names.BLANK + "*)(?:#" + Names.BLANK + "*(.*))?$",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);

    @Test
    void splitsNoteAndTrailingBlanksAtTheFirstHash() {
        InlineNote n = InlineNote.of("a 2026-01-01T00:00:00Z X <x@y> \t# \u3000 note # more ");
        assertEquals(" \t", n.rspace());
        assertEquals("note # more ", n.raw());
        assertEquals("a 2026-01-01T00:00:00Z X <x@y>", "a 2026-01-01T00:00:00Z X <x@y> \t# \u3000 note # more "
                .substring(0, n.start()));
        assertEquals(new InlineNote(3, "  ", null), InlineNote.of("abc  "));
        assertEquals(new InlineNote(1, "", ""), InlineNote.of("a#"));
    }

    @Test
    void agreesWithSqitchRegexOnGeneratedLines() {
        char[] alphabet = {'a', '#', ' ', '\t', '\u00A0', '\u2005', '\u3000', '\r', '@', '<', '>', '\u00e9', '0'};
        Random random = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String line = sb.toString();
            Matcher m = SQITCH_INLINE_NOTE.matcher(line);
            m.find();
            assertEquals(new InlineNote(m.start(), m.group(1), m.group(2)), InlineNote.of(line),
                    () -> "line [" + line + "]");
        }
    }
}
