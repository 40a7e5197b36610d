package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dependency parse table of Sqitch's t/depend.t, in project "depend". */
class DependencyTest {

    private static final String ID = "9ed961ad7902a67fe0804c8e49e8993719fd5065";

    private static Dependency dep(String spec) {
        return Dependency.parse(spec, "depend").orElseThrow(() -> new AssertionError(spec));
    }

    /** spec, conflicts, project, change, tag, id, asString. */
    private static void check(String spec, boolean conflicts, String project, String change, String tag, String id,
                              String asString) {
        Dependency d = dep(spec);
        assertEquals(conflicts, d.conflicts(), spec);
        assertEquals(project, d.project(), spec);
        assertEquals(change, d.change(), spec);
        assertEquals(tag, d.tag(), spec);
        assertEquals(id, d.id(), spec);
        assertEquals(asString, d.asString(), spec);
        assertEquals((conflicts ? "!" : "") + asString, d.asPlanString(), spec);
    }

    @Test
    void parsesEveryFormOfTheTable() {
        check("foo", false, null, "foo", null, null, "foo");
        check("@bar", false, null, null, "bar", null, "@bar");
        check("!foo", true, null, "foo", null, null, "foo");
        check("!@bar", true, null, null, "bar", null, "@bar");
        check("foo@bar", false, null, "foo", "bar", null, "foo@bar");
        check("!foo@bar", true, null, "foo", "bar", null, "foo@bar");
        check("proj:foo", false, "proj", "foo", null, null, "proj:foo");
        check("!proj:foo", true, "proj", "foo", null, null, "proj:foo");
        check("proj:@foo", false, "proj", null, "foo", null, "proj:@foo");
        check("proj:foo@bar", false, "proj", "foo", "bar", null, "proj:foo@bar");
        check("!proj:foo@bar", true, "proj", "foo", "bar", null, "proj:foo@bar");
        check(ID, false, null, null, null, ID, ID);
        check("!" + ID, true, null, null, null, ID, ID);
        check("foo:" + ID, false, "foo", null, null, ID, "foo:" + ID);
        check(ID + "@what", false, null, ID, "what", null, ID + "@what");
        check("foo:" + ID + "@what", false, "foo", ID, "what", null, "foo:" + ID + "@what");
        // The plan's own project collapses away.
        check("depend:foo", false, "depend", "foo", null, null, "foo");
        check("!depend:@t", true, "depend", null, "t", null, "@t");
    }

    @Test
    void rejectsInvalidSpecs() {
        for (String bad : List.of("foo bar", "foo+@bar", "foo:+bar", "foo@bar+", "proj:foo@bar+", "proj:foo@bar@baz",
                "!!foo", "@foo@bar")) {
            assertTrue(Dependency.parse(bad, "depend").isEmpty(), bad);
        }
        assertEquals("\"foo bar\" is not a valid dependency specification",
                assertThrows(SqitchException.class, () -> Dependency.parseOrThrow("foo bar", "depend")).getMessage());
    }

    @Test
    void knowsKeyNamesAndExternality() {
        assertEquals("foo@bar", dep("proj:foo@bar").keyName());
        assertEquals(ID, dep("x:" + ID).keyName());
        assertTrue(dep("proj:foo").isExternal());
        assertFalse(dep("depend:foo").isExternal());
        assertFalse(dep("foo").isExternal());
        assertNull(dep(ID).effectiveProject());
        assertEquals("depend", dep("foo").effectiveProject());
    }

    @Test
    void resolvesIdsOfInternalDependenciesThroughThePlan() {
        Plan plan = PlanParser.parse("%project=depend\n\nfoo 2012-07-16T17:25:07Z A <a@b>\n", "sqitch.plan");
        String fooId = plan.changeAt(0).id();
        assertEquals(fooId, plan.dependencyId(dep("foo")).orElseThrow());
        assertEquals(fooId, plan.dependencyId(dep(fooId)).orElseThrow());
        assertEquals("depend", plan.dependencyProject(dep(fooId)));
        assertNull(plan.dependencyProject(dep(ID)));
        assertTrue(plan.dependencyId(dep("other:foo")).isEmpty());
        assertEquals("Unable to find change \"nope\" in plan sqitch.plan",
                assertThrows(SqitchException.class, () -> plan.dependencyId(dep("!nope"))).getMessage());
    }

    @Test
    void readsPlainWordSpecsAsChangeNamesButFortyLowercaseHexAsAnId() {
        String id = "0123456789abcdef0123456789abcdef01234567";
        check(id, false, null, null, null, id, id);
        check(id + "8", false, null, id + "8", null, null, id + "8");
        check(id.toUpperCase(), false, null, id.toUpperCase(), null, null, id.toUpperCase());
        check("_t_00001", false, null, "_t_00001", null, null, "_t_00001");
        check("123", false, null, "123", null, null, "123");
    }
}
