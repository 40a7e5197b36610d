package io.sqlitch.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ID vectors of the spec (§2.4), verified there against real Sqitch and its registry. */
class PlanIdVectorsTest {

    private static final String TU = " Test User <test@example.com>";

    static final String V_A = "%syntax-version=1.0.0\n%project=vec\n\n"
            + "first 2013-01-01T00:00:00Z" + TU + "\n"
            + "second [first !nope ext:thing] 2013-01-02T00:00:00Z" + TU + " # Second change.\n"
            + "@v1 2013-01-03T00:00:00Z" + TU + " # Tag v1.\n\n"
            + "first [first@v1] 2013-01-04T00:00:00Z" + TU + " # Multi\\nline\\\\note\n";

    @Test
    void computesVectorAIdsAcrossTagsAndRework() {
        Plan plan = PlanParser.parse(V_A, "sqitch.plan");
        List<Change> c = plan.changes();
        assertEquals("4c5916eb83e37074293e3473f28576e63e270a21", c.get(0).id());
        assertEquals("82ef559a14b10741f7162a511c6774e7f9df97d5", c.get(1).id());
        assertEquals("62b76be84e91cf6f19dd71c6ee770aa4cdf9c716", c.get(1).tags().get(0).id());
        assertEquals("868e435b2613aa57bf0e97791f7d38ded4cf76b3", c.get(2).id());
        assertEquals("project vec\nchange first\nplanner Test User <test@example.com>\ndate 2013-01-01T00:00:00Z",
                c.get(0).info());
        assertEquals("project vec\nchange second\nparent 4c5916eb83e37074293e3473f28576e63e270a21\n"
                + "planner Test User <test@example.com>\ndate 2013-01-02T00:00:00Z\nrequires\n  + first\n  + ext:thing\n"
                + "conflicts\n  - nope\n\nSecond change.", c.get(1).info());
        assertTrue(c.get(2).info().endsWith("requires\n  + first@v1\n\nMulti\nline\\note"));
        assertTrue(c.get(0).isReworked());
        assertFalse(c.get(2).isReworked());
        assertEquals(List.of("v1"), c.get(0).reworkTags().stream().map(Tag::name).toList());
        assertEquals("first@v1", c.get(0).formatTagQualifiedName());
        assertEquals("first@HEAD", c.get(2).formatTagQualifiedName());
    }

    @Test
    void computesVectorBWithCanonicalUriAndCollapsedProjectPrefix() {
        String bo = " Barack Obama <potus@whitehouse.gov>";
        String text = "%syntax-version=1.0.0\n%project=widgets\n%uri=HTTPS://Example.COM:443\n\n"
                + "roles 2012-07-16T17:25:07Z" + bo + "\n"
                + "users [roles] 2012-07-16T17:25:07Z" + bo + " # Creates users.\n"
                + "add_user [users roles widgets:roles log:logger !dr_evil] 2012-07-16T17:25:07Z" + bo
                + " # Line 1\\nLine 2 \\\\n not newline\n"
                + "@alpha 2012-07-16T17:25:08Z" + bo + " # First tag.\n\n"
                + "users [users@alpha] 2012-07-17T09:00:00Z" + bo + " # Reworked users.\n"
                + "@beta 2012-07-17T09:00:01Z" + bo + "\n";
        Plan plan = PlanParser.parse(text, "sqitch.plan");
        List<Change> c = plan.changes();
        assertEquals("99b2e71888dc1b8f0c14850d1f9ee792eb203521", c.get(0).id());
        assertEquals("a6e991db52c6cd51e249c4ca8ac12c726de7ec2b", c.get(1).id());
        assertEquals("a58c4062e51066d9255a180e4954c40f9cc4499e", c.get(2).id());
        assertEquals("f63ec365a85ea3344b99070699a550c3b58e2aed", c.get(2).tags().get(0).id());
        assertEquals("166d3525ac0a552099a04a74a023dbbaba7fcb9a", c.get(3).id());
        assertEquals("82163d15a25b725cad0e73970b3f5472ad92105b", c.get(3).tags().get(0).id());
        assertTrue(c.get(2).info().startsWith("project widgets\nuri https://example.com/\n"));
        assertTrue(c.get(2).info().contains("requires\n  + users\n  + roles\n  + roles\n  + log:logger\n"
                + "conflicts\n  - dr_evil\n\nLine 1\nLine 2 \\n not newline"));
        // The same-project prefix collapses on rewrite too.
        assertTrue(plan.asString().contains("add_user [users roles roles log:logger !dr_evil] 2012"));
        assertEquals("HTTPS://Example.COM:443", plan.uri());
    }

    @Test
    void hashesUtf8ByteLengthForNonAsciiPlanner() {
        String mo = " Marge N. O\u2019Vera <marge@example.com>";
        String text = "%syntax-version=1.0.0\n%project=flipr\n%uri=https://github.com/sqitchers/sqitch-sqlite-intro/\n\n"
                + "users 2026-11-23T19:53:35Z" + mo + " # Creates table to track our users.\n"
                + "flips [users] 2026-11-23T19:53:35Z" + mo + " # Adds table for storing flips.\n"
                + "userflips [users flips !nothing] 2026-11-23T19:53:36Z" + mo + " # Two\\nlines\\\\ with backslash\n"
                + "@v1.0.0-dev1 2026-11-23T19:53:36Z" + mo + " # Tag v1.0.0-dev1.\n";
        Plan plan = PlanParser.parse(text, "sqitch.plan");
        assertEquals("c251ad6944b79e911d8529091c8d90911bdf5957", plan.changeAt(0).id());
        assertEquals("f776d46b0a12fb679a50146dbf303769419e15af", plan.changeAt(1).id());
        assertEquals("5bbb31c2c8b4386fe254d91d512ddc49e071f5b6", plan.changeAt(2).id());
        assertEquals("3e654dd4a2a5ada94edd0d1a125913ed65132d58", plan.changeAt(2).tags().get(0).id());
    }

    @Test
    void matchesRegistryIdsOfTheTutorialPlan() {
        String mo = " Marge N. O\u2019Vera <marge@example.com> # ";
        String text = "%syntax-version=1.0.0\n%project=flipr\n%uri=https://github.com/sqitchers/sqitch-sqlite-intro/\n\n"
                + "users 2026-11-23T20:26:53Z" + mo + "Creates table to track our users.\n"
                + "flips [users] 2026-11-23T20:26:57Z" + mo + "Adds table for storing flips.\n"
                + "userflips [users flips] 2026-11-23T20:26:59Z" + mo + "Creates the userflips view.\n"
                + "@v1.0.0-dev1 2026-11-23T20:27:00Z" + mo + "Tag v1.0.0-dev1.\n\n"
                + "lists [users] 2026-11-23T20:27:02Z" + mo + "Adds table for storing lists.\n"
                + "hashtags [flips] 2026-11-23T20:27:02Z" + mo + "Adds table for storing hashtags.\n"
                + "@v1.0.0-dev2 2026-11-23T20:27:04Z" + mo + "Tag v1.0.0-dev2.\n"
                + "userflips [userflips@v1.0.0-dev2] 2026-11-23T20:27:05Z" + mo + "Adds userflips.twitter.\n";
        Plan plan = PlanParser.parse(text, "sqitch.plan");
        assertEquals(List.of("696c10f48cc778c3c1e1e056bc1d0f528cb5da6e", "f49273abf14c845146f7a702f0f386a8d9176386",
                "c9b7d40215625f5d70a9773d2b82fbc97ae6477e", "cab64b2cc818da30fd3fa9944e6c32c7c5be49b1",
                "817df18e2ae4a2d6f7de9b4385904840a9d3902f", "348587339f954bb43c97598001a1ad1ccb3bf897"),
                plan.changes().stream().map(Change::id).toList());
        assertEquals(List.of("450f391fbe179a53ba668e51121253cd288aab16", "c6b3a2007b3e9cbc621b7c2b34e0e9fb611c1226"),
                plan.tags().stream().map(Tag::id).toList());
        assertEquals(text, plan.asString());
        assertEquals("userflips@v1.0.0-dev1", plan.changeAt(2).formatTagQualifiedName());
    }
}
