package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing rules and error messages of {@code App::Sqitch::Plan::_parse}, re-expressed from Sqitch's t/plan.t. */
class PlanParserTest {

    private static final String PRAGMAS = "%syntax-version=1.0.0\n%project=test\n\n";
    private static final String TSNP = " 2012-07-16T17:25:07Z Barack Obama <potus@whitehouse.gov>";
    private static final String NAME_ERROR = "Invalid name; names must not begin with punctuation, contain \"@\", "
            + "\":\", \"#\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits following punctuation";

    private static String parseError(String text, String file) {
        return assertThrows(SqitchException.class, () -> PlanParser.parse(text, file)).getMessage();
    }

    @Test
    void rejectsBadChangeAndTagNamesOnLineFour() {
        for (String name : List.of("^foo", "foo^", "foo^6", "foo^666", "%hi", "hi!", "foo@bar", "foo:bar",
                "foo\\bar", "+foo", "-foo", "@foo")) {
            for (String line : List.of("+" + name, "@" + name)) {
                assertEquals("Syntax error in baditem at line 4: " + NAME_ERROR,
                        parseError(PRAGMAS + line, "baditem"), line);
            }
        }
        assertEquals("Syntax error in baditem at line 4: " + NAME_ERROR,
                parseError(PRAGMAS + "foo^6" + TSNP, "baditem"), "timestamp swallowed by the planner");
    }

    @Test
    void acceptsGoodChangeAndTagNames() {
        for (String name : List.of("foo", "12", "t", "6", "\u9631\u962a\u962c", "foo,bar", "beta1", "foo_", "_foo",
                "v1.0-1b", "v1.2-1", "v1.2+1", "v1.2_1")) {
            Plan plan = PlanParser.parse("%project=foo\n\n" + name + TSNP, "odditem");
            assertEquals(name, plan.changeAt(0).name());
            Plan tagged = PlanParser.parse("%project=foo\n\nfoo" + TSNP + "\n@" + name + TSNP, "gooditem");
            assertEquals(name, tagged.changeAt(0).tags().get(0).name());
        }
    }

    @Test
    void reportsTagAndNameRuleViolations() {
        assertEquals("Syntax error in baditem at line 4: Tag \"foo/bar\" contains illegal character /",
                parseError(PRAGMAS + "@foo/bar 2012-07-16T17:25:07Z X <x@example.org>", "baditem"));
        assertEquals("Syntax error in t/plans/HEAD.plan at line 4: \"@HEAD\" is a reserved name",
                parseError(PRAGMAS + "@HEAD" + TSNP, "t/plans/HEAD.plan"));
        assertEquals("Syntax error in p at line 4: \"ROOT\" is a reserved name", parseError(PRAGMAS + "ROOT" + TSNP, "p"));
        String sha1 = "6c2f28d125aff1deea615f8de774599acf39a7a1";
        assertEquals("Syntax error in sha1.plan at line 4: \"" + sha1
                + "\" is invalid because it could be confused with a SHA1 ID", parseError(PRAGMAS + sha1 + TSNP, "sha1.plan"));
        assertEquals("Syntax error in p at line 4: Tag \"foo\" declared without a preceding change",
                parseError(PRAGMAS + "@foo" + TSNP + "\nbar" + TSNP, "p"));
        assertEquals("Syntax error in p at line 6: Tag \"foo\" duplicates earlier declaration on line 5",
                parseError(PRAGMAS + "a" + TSNP + "\n@foo" + TSNP + "\n@foo" + TSNP, "p"));
        assertEquals("Syntax error in p at line 5: Change \"a\" duplicates earlier declaration on line 4",
                parseError(PRAGMAS + "a" + TSNP + "\na" + TSNP, "p"));
        assertEquals("Syntax error in p at line 5: Tags may not specify dependencies",
                parseError(PRAGMAS + "a" + TSNP + "\n@t [a]" + TSNP, "p"));
        assertEquals("Syntax error in p at line 4: \"foo+@bar\" is not a valid dependency specification",
                parseError(PRAGMAS + "a [foo+@bar]" + TSNP, "p"));
        assertEquals("Syntax error in p at line 5: Duplicate dependency \"a\"",
                parseError(PRAGMAS + "a" + TSNP + "\nb [a a]" + TSNP, "p"));
    }

    @Test
    void reportsMissingTimestampAndPlanner() {
        assertEquals("Syntax error in p at line 4: Missing timestamp and planner name and email",
                parseError(PRAGMAS + "hey", "p"));
        assertEquals("Syntax error in p at line 4: Missing timestamp",
                parseError(PRAGMAS + "hey Barack Obama <potus@whitehouse.gov>", "p"));
        assertEquals("Syntax error in p at line 4: Missing planner name and email",
                parseError(PRAGMAS + "hey 2012-07-16T17:25:07Z", "p"));
        // No blank before "<": the line does not match at all, as real sqitch reports.
        assertEquals("Syntax error in p at line 4: " + NAME_ERROR,
                parseError(PRAGMAS + "hey 2012-07-16T17:25:07Z A<a@b>", "p"));
        assertEquals("A", PlanParser.parse(PRAGMAS + "hey 2012-07-16T17:25:07ZA <a@b>", "p").changeAt(0).planner().name());
    }

    @Test
    void reportsHeaderProblems() {
        assertEquals("Missing %project pragma in p", parseError("\n%project=x\n", "p"));
        assertEquals("Missing %project pragma in p", parseError("%syntax-version=1.0.0\n\nfoo" + TSNP, "p"));
        assertEquals("Syntax error in p at line 2: Invalid pragma; a blank line must come between pragmas and changes",
                parseError("%project=x\nfoo" + TSNP, "p"));
        assertEquals("Syntax error in p at line 2: Invalid pragma; a blank line must come between pragmas and changes",
                parseError("%project=x\n#\n\n", "p"));
        assertEquals("Syntax error in p at line 1: invalid project name \"-x\": project names must not begin with "
                + "punctuation, contain \"@\", \":\", \"#\", \"\\\", \"[\", \"]\", or blanks, or end in punctuation or digits "
                + "following punctuation", parseError("%project=-x\n\n", "p"));
        // A UTF-8 BOM is not special to Sqitch: the first line is then not a pragma.
        assertEquals("Syntax error in sqitch.plan at line 1: Invalid pragma; a blank line must come between pragmas "
                + "and changes", parseError("\ufeff%project=x\n\n", "sqitch.plan"));
    }

    @Test
    void reportsDependencyOrderErrorsWithHint() {
        String text = PRAGMAS + "a [b c]" + TSNP + "\nb" + TSNP + "\nc [c d]" + TSNP + "\n";
        assertEquals("Dependency errors detected:\n"
                + "  Change \"a\" planned 1 change before required change \"b\"\n"
                + "  Change \"a\" planned 2 changes before required change \"c\"\n"
                + "    HINT: move \"a\" down 2 lines in plan.x\n"
                + "  Change \"c\" cannot require itself\n"
                + "  Unknown change \"d\" required by change \"c\"", parseError(text, "plan.x"));
        assertEquals("Dependency error detected:\n  Unknown change \"x@t\" required by change \"a\"",
                parseError(PRAGMAS + "a [x@t]" + TSNP, "p"));
        // Other projects, same-project prefixes and ids of changes elsewhere are fine.
        Plan ok = PlanParser.parse(PRAGMAS + "a [other:b 6c2f28d125aff1deea615f8de774599acf39a7a1]" + TSNP
                + "\nb [test:a]" + TSNP + "\n", "p");
        assertEquals("a", ok.changeAt(1).requires().get(0).asString());
    }

    @Test
    void parsesPragmasCommentsAndOperatorsLikeTheFixturePlans() {
        String text = "% syntax-version=1.0.0\n  %foo = bar    # lolz\n% project=pragmata\n"
                + "% uri=https://github.com/sqitchers/sqitch/\n% strict\n\n"
                + "+hey" + TSNP + "\n -  you" + TSNP + " # revert!\n";
        Plan plan = PlanParser.parse(text, "p");
        assertEquals("pragmata", plan.project());
        assertEquals("https://github.com/sqitchers/sqitch/", plan.uri());
        assertEquals("bar", plan.pragmas().get("foo"));
        assertEquals("1", plan.pragmas().get("strict"));
        assertEquals(text, plan.asString());
        assertTrue(plan.changeAt(1).isRevert());
        assertEquals("revert!", plan.changeAt(1).note());
    }

    @Test
    void insertsSyntaxVersionAndForcesItsValue() {
        assertEquals("%syntax-version=1.0.0\n%project=x\n\n", PlanParser.parse("%project=x\n\n", "p").asString());
        assertEquals("%syntax-version=1.0.0\n%project=x\n\n",
                PlanParser.parse("%syntax-version=2.5\n%project=x\n\n", "p").asString());
    }

    @Test
    void rewritesSpacedChangeLineLikeSqitch() {
        String text = PRAGMAS + "hey" + TSNP + "\n"
                + " +  you    [hey   ]   2012-07-16T17:25:07Z   Barack Obama   <potus@whitehouse.gov>   #   spaced note\n"
                + "-hey2 2012-07-16T17:25:07Z A <a@b> #\n"
                + "#   comment   \n  #   x\n   \n# \n"
                + "foo  [hey  !x ] 2012-07-16T17:25:07Z A <a@b>\n";
        Plan plan = PlanParser.parse(text, "p");
        assertEquals(PRAGMAS + "hey" + TSNP + "\n"
                + " +  you    [hey] 2012-07-16T17:25:07Z Barack Obama   <potus@whitehouse.gov>   # spaced note\n"
                + "-hey2 2012-07-16T17:25:07Z A <a@b> \n"
                + "# comment\n  # x\n   \n\n"
                + "foo  [hey !x] 2012-07-16T17:25:07Z A <a@b>\n", plan.asString());
        assertEquals("Barack Obama  ", plan.changeAt(1).planner().name());
        assertEquals("spaced note", plan.changeAt(1).note());
    }

    @Test
    void parsesCrlfFilesAndRewritesThemWithLf() {
        Plan plan = PlanParser.parse("%project=x\r\n\r\nfoo 2013-01-01T00:00:00Z T <t@x> # n\r\n", "p");
        // The same ID real sqitch prints for this file.
        assertEquals("d2af298952d797dcc38324de1e2a43dce1310044", plan.changeAt(0).id());
        assertEquals("%syntax-version=1.0.0\n%project=x\n\nfoo 2013-01-01T00:00:00Z T <t@x> # n\n", plan.asString());
    }

    @Test
    void keepsNoteEscapesAndUnescapesThemForIds() {
        Plan plan = PlanParser.parse(PRAGMAS + "a" + TSNP + " #  a\\nb\\\\c\\\\nd\\r  \n", "p");
        assertEquals("a\nb\\c\\nd\r", plan.changeAt(0).note());
        assertEquals(PRAGMAS + "a" + TSNP + " # a\\nb\\\\c\\\\nd\\r\n", plan.asString());
    }

    @Test
    void collectsReworkTagsLatestFirstThenOwnTags() {
        String text = PRAGMAS + "a" + TSNP + "\n@a1" + TSNP + "\nb" + TSNP + "\n@b1" + TSNP + "\n@b2" + TSNP
                + "\na [a@b2]" + TSNP + "\n";
        Plan plan = PlanParser.parse(text, "p");
        assertEquals(List.of("b1", "b2", "a1"), plan.changeAt(0).reworkTags().stream().map(Tag::name).toList());
        assertTrue(plan.changeAt(0).isReworked());
        assertEquals(plan.changeAt(0).id(), plan.changeAt(1).parentId());
        assertEquals(plan.changeAt(1).id(), plan.changeAt(2).parentId());
    }

    @Test
    void readsFilesStrictlyAsUtf8(@TempDir Path dir) throws Exception {
        assertEquals("Plan file sqitch.plan does not exist",
                assertThrows(SqitchException.class, () -> PlanParser.parseFile(dir.resolve("sqitch.plan"), "sqitch.plan"))
                        .getMessage());
        Path bad = dir.resolve("bad.plan");
        Files.write(bad, "%project=x\n\nfoo 2013-01-01T00:00:00Z T <t@x>\nbar 2013-01-01T00:00:00Z T <t@x> # \u00ff\n"
                .replace('\u00ff', '\u0001').getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(bad);
        bytes[bytes.length - 2] = (byte) 0xFF;
        Files.write(bad, bytes);
        assertEquals("Can't decode ill-formed UTF-8 octet sequence <FF> in bad.plan at line 4",
                assertThrows(SqitchException.class, () -> PlanParser.parseFile(bad, "bad.plan")).getMessage());
        Path good = dir.resolve("good.plan");
        Files.writeString(good, "%project=x\n\n\u00e9 2013-01-01T00:00:00Z T <t@x>\n");
        assertEquals("\u00e9", PlanParser.parseFile(good, "good.plan").changeAt(0).name());
    }
}
