package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Script path segments of (reworked) changes and planner checks. */
class ChangeScriptsTest {

    private static final String TS = " 2012-07-16T17:25:07Z A <a@b>\n";
    private final Plan plan = PlanParser.parse("%project=s\n\nyo/howdy" + TS + "@alpha" + TS + "b" + TS + "@beta" + TS
            + "yo/howdy [yo/howdy@beta]" + TS, "sqitch.plan");

    @Test
    void namesScriptsOfPlainAndReworkedChanges() {
        assertEquals(List.of("yo", "howdy.sql"), plan.changeAt(2).scriptPathSegments("sql", p -> false));
        Change reworked = plan.changeAt(0);
        assertEquals(List.of("beta", "alpha"), reworked.reworkTags().stream().map(Tag::name).toList());
        assertEquals(List.of("yo", "howdy@beta.sql"), reworked.scriptPathSegments("sql", p -> false));
        assertEquals(List.of("yo", "howdy@alpha.sql"),
                reworked.scriptPathSegments("sql", p -> p.equals(List.of("yo", "howdy@alpha.sql"))));
    }

    @Test
    void refusesPlannersSqitchRefuses() {
        assertEquals("User name may not contain \"<\" or start with \"[\"",
                assertThrows(SqitchException.class, () -> Planner.checked("[x", "e")).getMessage());
        assertEquals("User name may not contain \"<\" or start with \"[\"",
                assertThrows(SqitchException.class, () -> Planner.checked("a<b", "e")).getMessage());
        assertEquals("User email may not contain \">\"",
                assertThrows(SqitchException.class, () -> Planner.checked("a", "e>")).getMessage());
        assertEquals("a b <e@x>", Planner.checked("a b", "e@x").toString());
    }
}
