package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The name rule (spec §1.6) and the messages of add/rework, tag and init. */
class NamesTest {

    @Test
    void acceptsAndRejectsNamesLikeSqitch() {
        for (String good : List.of("foo", "12", "t", "6", "\u9631\u962a\u962c", "\u9631\u962a\u962c92", "foo/bar",
                "beta1", "foo_", "_foo", "_", "v1.0-1b", "v1.2-1", "v1.2+1", "v1.2_1", "foo,bar", "ab!c", "a\"b", "a$b",
                "\u00e9", "1.0", "foo^6a", "a=1b", "foo\u0661")) {
            assertTrue(Names.isValidName(good), good);
        }
        for (String bad : List.of("^foo", "foo^", "foo^6", "foo^666", "%hi", "hi!", "foo@bar", "foo:bar", "foo\\bar",
                "+foo", "-foo", "@foo", "a-", "foo~", "x y", "foo~12", "foo/1", "a=1", "v1.0^\u0661", "foo\u00a3",
                "foo\u00bd", "", "a\tb", "a#b",
                // Sqitch 1.5.0 on (VersionDifferences): no brackets anywhere.
                "a[b", "a]b", "x[y]z", "w[1")) {
            assertFalse(Names.isValidName(bad), bad);
        }
    }

    @Test
    void reportsChangeTagAndProjectMessages() {
        assertEquals("\"foo^\" is invalid: changes must not begin with punctuation, contain \"@\", \":\", \"#\", "
                + "\"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following punctuation",
                assertThrows(SqitchException.class, () -> Names.checkChangeName("foo^")).getMessage());
        assertEquals("\"foo/bar\" is invalid: tags must not begin with punctuation, contain \"@\", \":\", \"#\", "
                + "\"/\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following punctuation",
                assertThrows(SqitchException.class, () -> Names.checkTagName("foo/bar")).getMessage());
        assertEquals("invalid project name \"a b\": project names must not begin with punctuation, contain \"@\", "
                + "\":\", \"#\", \"[\", \"]\", or blanks, or end in punctuation or digits following punctuation",
                assertThrows(SqitchException.class, () -> Names.checkProjectNameForInit("a b")).getMessage());
        assertEquals("\"HEAD\" is a reserved name",
                assertThrows(SqitchException.class, () -> Names.checkTagName("HEAD")).getMessage());
        assertEquals("\"ROOT\" is a reserved name",
                assertThrows(SqitchException.class, () -> Names.checkChangeName("ROOT")).getMessage());
        String sha = "0123456789abcdef0123456789abcdef01234567x";
        assertEquals("\"" + sha + "\" is invalid because it could be confused with a SHA1 ID",
                assertThrows(SqitchException.class, () -> Names.checkChangeName(sha)).getMessage());
        assertDoesNotThrow(() -> Names.checkChangeName("0123456789ABCDEF0123456789ABCDEF01234567"));
        assertDoesNotThrow(() -> Names.checkChangeName("head"));
        assertDoesNotThrow(() -> Names.checkChangeName("foo/bar"));
    }
}
