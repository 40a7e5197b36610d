package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Change specifiers against the plan (spec §4.1), with the vectors of Sqitch's t/changelist.t. */
class ChangeLookupTest {

    private static final String TS = " 2012-07-16T17:25:07Z A <a@b>\n";
    /** foo(0), bar(1), yo(2) tagged @alpha, baz(3), yo(4). */
    private final Plan plan = PlanParser.parse("%project=list\n\nfoo" + TS + "bar" + TS + "yo" + TS + "@alpha" + TS
            + "baz" + TS + "yo [yo@alpha]" + TS, "sqitch.plan");

    private Integer idx(String key) {
        OptionalInt i = plan.indexOf(key);
        return i.isPresent() ? i.getAsInt() : null;
    }

    @Test
    void resolvesOffsetsNamesIdsAndSymbolicNames() {
        assertEquals(null, idx("non"));
        assertEquals(null, idx("@non"));
        assertEquals(0, idx("foo"));
        assertEquals(0, idx(plan.changeAt(0).id()));
        assertEquals(0, idx("bar^"));
        assertEquals(2, idx("bar~"));
        assertEquals(3, idx("bar~~"));
        assertEquals(null, idx("bar~~~"));
        assertEquals(3, idx("bar~2"));
        assertEquals(4, idx("bar~3"));
        assertEquals(2, idx("@alpha"));
        assertEquals(1, idx("@alpha^"));
        assertEquals(0, idx("@alpha^^"));
        assertEquals(null, idx("@alpha^^^"));
        assertEquals(2, idx(plan.changeAt(2).tags().get(0).id()));
        assertEquals(null, idx("baz^^^"));
        assertEquals(0, idx("baz^3"));
        assertEquals(null, idx("baz^4"));
        assertEquals(2, idx(plan.changeAt(3).id() + "^"));
        assertEquals(3, idx("baz~0"));
        assertEquals(2, idx("yo@alpha"));
        assertEquals(1, idx("yo@alpha^"));
        assertEquals(4, idx("yo@HEAD"));
        assertEquals(3, idx("yo@HEAD^"));
        assertEquals(null, idx("yo@HEAD~"));
        assertEquals(0, idx("foo@alpha"));
        assertEquals(0, idx("foo@HEAD"));
        assertEquals(0, idx("foo@ROOT"));
        assertEquals(null, idx("baz@alpha"));
        assertEquals(3, idx("baz@HEAD"));
        assertEquals(4, idx("@HEAD"));
        assertEquals(0, idx("@ROOT"));
        assertEquals(3, idx("@HEAD^"));
        assertEquals(null, idx("@HEAD~"));
        assertEquals(1, idx("@ROOT~"));
        assertEquals(null, idx("@ROOT^"));
        assertEquals(4, idx("HEAD"));
        assertEquals(0, idx("ROOT"));
        assertEquals(3, idx("HEAD^"));
        assertEquals(1, idx("HEAD^3"));
        assertEquals(1, idx("ROOT~"));
        assertEquals(null, idx("ROOT^"));
    }

    @Test
    void reportsAmbiguousReworkedNameAndUnknownTag() {
        assertEquals("Change \"yo\" is ambiguous. Please specify a tag-qualified change:\n  * yo@HEAD\n  * yo@alpha\n"
                + "Change lookup failed", assertThrows(SqitchException.class, () -> plan.indexOf("yo")).getMessage());
        assertEquals("Unknown tag \"@howdy\"",
                assertThrows(SqitchException.class, () -> plan.indexOf("yo@howdy")).getMessage());
    }

    @Test
    void findsFirstInstanceWithoutAmbiguity() {
        assertEquals(plan.changeAt(2), plan.find("yo").orElseThrow());
        assertEquals(plan.changeAt(2), plan.find("yo@alpha").orElseThrow());
        assertEquals(plan.changeAt(4), plan.find("yo@HEAD").orElseThrow());
        assertTrue(plan.contains("yo"));
        assertTrue(plan.contains("@alpha"));
        assertFalse(plan.contains("nope"));
        assertEquals(OptionalInt.of(4), plan.firstIndexOf("yo", "@alpha"));
        assertEquals(OptionalInt.of(1), plan.firstIndexOf("yo^"));
        assertEquals("Unknown change: \"@nope\"",
                assertThrows(SqitchException.class, () -> plan.firstIndexOf("yo", "@nope")).getMessage());
    }

    @Test
    void tracksLastTaggedChangeAndTags() {
        assertEquals(2, plan.indexOfLastTagged());
        assertEquals("yo", plan.lastTaggedChange().orElseThrow().name());
        assertEquals("alpha", plan.findTag("alpha").orElseThrow().name());
        assertEquals(plan.changeAt(2).id(), plan.findTag("@alpha").orElseThrow().changeId());
        assertTrue(plan.findTag("@beta").isEmpty());
    }
}
