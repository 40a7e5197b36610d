package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** add/tag/rework as real sqitch performed them (scenario replayed with sqitch 1.3.1, same texts). */
class PlanWriterTest {

    private static final Planner TU = new Planner("T U", "t@u");
    private static final Instant T1 = Instant.parse("2026-11-23T22:23:23.750Z");
    private static final Instant T2 = Instant.parse("2026-11-23T22:23:24Z");
    private static final List<String> NONE = List.of();

    private static Plan init() {
        return PlanParser.parse("%syntax-version=1.0.0\n%project=rw\n\n", "sqitch.plan");
    }

    @Test
    void replaysAddTagAndReworkLikeSqitch() {
        Plan plan = PlanWriter.addChange(init(), "a", NONE, NONE, "A", TU, T1);
        plan = PlanWriter.addChange(plan, "b", List.of("a"), NONE, "B", TU, T1);
        plan = PlanWriter.addTag(plan, "v1", null, "V1", TU, T1);
        plan = PlanWriter.addTag(plan, "@v2", "a", "V2", TU, T1);
        plan = PlanWriter.reworkChange(plan, "a", List.of("b"), List.of("c"), "Re", TU, T2);
        plan = PlanWriter.reworkChange(plan, "b", NONE, NONE, "Re", TU, T2);
        String expected = "%syntax-version=1.0.0\n%project=rw\n\n"
                + "a 2026-11-23T22:23:23Z T U <t@u> # A\n"
                + "@v2 2026-11-23T22:23:23Z T U <t@u> # V2\n"
                + "b [a] 2026-11-23T22:23:23Z T U <t@u> # B\n"
                + "@v1 2026-11-23T22:23:23Z T U <t@u> # V1\n"
                + "a [a@v1 b !c] 2026-11-23T22:23:24Z T U <t@u> # Re\n"
                + "b [b@v1] 2026-11-23T22:23:24Z T U <t@u> # Re\n";
        assertEquals(expected, plan.asString());
        // The in-memory result equals a fresh parse of the written text, IDs and rework tags included.
        Plan reparsed = PlanParser.parse(expected, "sqitch.plan");
        assertEquals(reparsed.changes().stream().map(Change::id).toList(),
                plan.changes().stream().map(Change::id).toList());
        assertEquals(reparsed.tags().stream().map(Tag::id).toList(), plan.tags().stream().map(Tag::id).toList());
        // Sqitch's in-memory rework adds only the rework tag; a fresh parse collects tags latest first, then own.
        assertEquals(List.of("v1"), plan.changeAt(0).reworkTags().stream().map(Tag::name).toList());
        assertEquals(List.of("v1", "v2"), reparsed.changeAt(0).reworkTags().stream().map(Tag::name).toList());
        assertTrue(plan.changeAt(0).isReworked());
        assertEquals("a [a@v1 b !c]", plan.changeAt(2).formatNameWithDependencies());
    }

    @Test
    void addsBlankLineAfterTaggedLastChangeAndOmitsEmptyNote() {
        Plan plan = PlanWriter.addChange(init(), "a", NONE, NONE, "", TU, T1);
        plan = PlanWriter.addTag(plan, "t", null, "", TU, T1);
        plan = PlanWriter.addChange(plan, "b", NONE, List.of("ext:x"), "multi\nline \\ note", TU, T2);
        assertEquals("%syntax-version=1.0.0\n%project=rw\n\n"
                + "a 2026-11-23T22:23:23Z T U <t@u>\n"
                + "@t 2026-11-23T22:23:23Z T U <t@u>\n\n"
                + "b [!ext:x] 2026-11-23T22:23:24Z T U <t@u> # multi\\nline \\\\ note\n", plan.asString());
    }

    @Test
    void insertsTagAfterChangeAndItsExistingTags() {
        String ts = " 2012-07-16T17:25:07Z A <a@b>\n";
        Plan plan = PlanParser.parse("%project=p\n\na" + ts + "@t1" + ts + "  # note\nb" + ts, "sqitch.plan");
        plan = PlanWriter.addTag(plan, "t2", "a", "n", TU, T2);
        assertEquals("%syntax-version=1.0.0\n%project=p\n\na" + ts + "@t1" + ts
                + "@t2 2026-11-23T22:23:24Z T U <t@u> # n\n  # note\nb" + ts, plan.asString());
        assertEquals(List.of("t1", "t2"), plan.changeAt(0).tags().stream().map(Tag::name).toList());
    }

    @Test
    void refusesWhatSqitchRefuses() {
        Plan empty = init();
        assertEquals("Cannot apply tag \"@t\" to a plan with no changes", message(() -> PlanWriter.addTag(empty, "t",
                null, "", TU, T1)));
        Plan plan = PlanWriter.addChange(empty, "a", NONE, NONE, "", TU, T1);
        assertEquals("Change \"a\" already exists in plan sqitch.plan.\nUse \"sqitch rework\" to copy and rework it",
                message(() -> PlanWriter.addChange(plan, "a", NONE, NONE, "", TU, T1)));
        assertEquals("Cannot add change \"b\": requires unknown change \"x\"",
                message(() -> PlanWriter.addChange(plan, "b", List.of("x"), NONE, "", TU, T1)));
        assertEquals("\"b b\" is not a valid dependency specification",
                message(() -> PlanWriter.addChange(plan, "b", List.of("b b"), NONE, "", TU, T1)));
        assertEquals("Unknown change: \"zz\"", message(() -> PlanWriter.addTag(plan, "t", "zz", "", TU, T1)));
        assertEquals("Change \"zz\" does not exist in sqitch.plan.\nUse \"sqitch add zz\" to add it to the plan",
                message(() -> PlanWriter.reworkChange(plan, "zz", NONE, NONE, "", TU, T1)));
        assertEquals("Cannot rework \"a\" without an intervening tag.\nUse \"sqitch tag\" to create a tag and try again",
                message(() -> PlanWriter.reworkChange(plan, "a", NONE, NONE, "", TU, T1)));
        Plan tagged = PlanWriter.addTag(plan, "t", null, "", TU, T1);
        assertEquals("Tag \"@t\" already exists", message(() -> PlanWriter.addTag(tagged, "t", null, "", TU, T1)));
        assertEquals("Cannot rework change \"a\": requires unknown change \"q\"",
                message(() -> PlanWriter.reworkChange(tagged, "a", List.of("q"), NONE, "", TU, T1)));
    }

    @Test
    void writesAtomicallyAndByRange(@TempDir Path dir) throws Exception {
        String ts = " 2012-07-16T17:25:07Z A <a@b>\n";
        String text = "%project=p\n# c\n\na" + ts + "@t1" + ts + "b" + ts + "c" + ts;
        Plan plan = PlanParser.parse(text, "sqitch.plan");
        Path file = dir.resolve("sqitch.plan");
        PlanWriter.write(plan, file);
        assertEquals("%syntax-version=1.0.0\n" + text, Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
        assertEquals("%syntax-version=1.0.0\n%project=p\n# c\n\na" + ts + "@t1" + ts,
                PlanWriter.asString(plan, null, "a"));
        assertEquals("%syntax-version=1.0.0\n%project=p\n# c\n\nb" + ts + "c" + ts,
                PlanWriter.asString(plan, "b", null));
    }

    private static String message(Runnable r) {
        return assertThrows(SqitchException.class, r::run).getMessage();
    }
}
