package io.sqlitch.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static String template(String kind) throws IOException {
        try (InputStream in = TemplateRendererTest.class.getResourceAsStream(
                "/io/sqlitch/templates/" + kind + "/sqlite.tmpl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> vars(String change, List<String> requires, List<String> conflicts) {
        return Map.of("project", "flipr", "change", change, "engine", "sqlite",
                "requires", requires, "conflicts", conflicts);
    }

    @Test
    void rendersDeployTemplateLikeSqitchAddForUserflips() throws IOException {
        assertEquals("""
                -- Deploy flipr:userflips to sqlite
                -- requires: users
                -- requires: flips

                BEGIN;

                -- XXX Add DDLs here.

                COMMIT;
                """, TemplateRenderer.render(template("deploy"),
                vars("userflips", List.of("users", "flips"), List.of())));
    }

    @Test
    void rendersDeployTemplateWithoutDependenciesLikeSqitchAddForUsers() throws IOException {
        assertEquals("""
                -- Deploy flipr:users to sqlite

                BEGIN;

                -- XXX Add DDLs here.

                COMMIT;
                """, TemplateRenderer.render(template("deploy"), vars("users", List.of(), List.of())));
    }

    @Test
    void rendersConflictsAfterRequires() throws IOException {
        String rendered = TemplateRenderer.render(template("deploy"), vars("flips", List.of("users"), List.of("old")));
        assertEquals("""
                -- Deploy flipr:flips to sqlite
                -- requires: users
                -- conflicts: old

                BEGIN;
                """, rendered.substring(0, rendered.indexOf("BEGIN;\n") + 7));
    }

    @Test
    void rendersRevertAndVerifyTemplatesLikeSqitchAdd() throws IOException {
        Map<String, Object> vars = vars("userflips", List.of("users", "flips"), List.of());
        assertEquals("""
                -- Revert flipr:userflips from sqlite

                BEGIN;

                -- XXX Add DDLs here.

                COMMIT;
                """, TemplateRenderer.render(template("revert"), vars));
        assertEquals("""
                -- Verify flipr:userflips on sqlite

                BEGIN;

                -- XXX Add verifications here.

                ROLLBACK;
                """, TemplateRenderer.render(template("verify"), vars));
    }

    @Test
    void rightChompEatsBlanksAndOneNewlineOnly() {
        assertEquals("a\nb\n\nc", TemplateRenderer.render("a\n[% x -%]  \nb\n[% x -%]\n\nc", Map.of("x", "")));
    }

    @Test
    void leftChompEatsTheLineStartAndPrecedingNewline() {
        assertEquals("a1\nb", TemplateRenderer.render("a\n   [%- x %]\nb", Map.of("x", "1")));
        assertEquals("1", TemplateRenderer.render("  [%- x %]", Map.of("x", "1")));
        assertEquals("a 1", TemplateRenderer.render("a [%- x %]", Map.of("x", "1")));
    }

    @Test
    void ifElseUsesPerlTruth() {
        String t = "[% IF v %]yes[% ELSE %]no[% END %]";
        assertEquals("no", TemplateRenderer.render(t, Map.of("v", "0")));
        assertEquals("no", TemplateRenderer.render(t, Map.of("v", "")));
        assertEquals("no", TemplateRenderer.render(t, Map.of()));
        assertEquals("yes", TemplateRenderer.render(t, Map.of("v", "00")));
        // An empty list is a reference in Perl, hence true.
        assertEquals("yes", TemplateRenderer.render(t, Map.of("v", List.of())));
        assertEquals("none", TemplateRenderer.render("[% UNLESS v %]none[% END %]", Map.of()));
    }

    @Test
    void nestedBlocksAndDottedPaths() {
        Map<String, Object> vars = Map.of("rows", List.of(Map.of("name", "a", "on", "1"),
                Map.of("name", "b", "on", "")), "list", List.of("x", "y"));
        assertEquals("a+b-|y|", TemplateRenderer.render(
                "[% FOREACH r IN rows %][% r.name %][% IF r.on %]+[% ELSE %]-[% END %][% END %]|[% list.1 %]"
                        + "|[% r.name %][% _hidden %]", vars));
    }

    @Test
    void leavesNonDirectiveTagsAsWritten() {
        assertEquals("[% Foo %] [% a + b %]", TemplateRenderer.render("[% Foo %] [% a + b %]", Map.of()));
    }

    @Test
    void foreachOverNonListRendersNothing() {
        assertEquals("", TemplateRenderer.render("[% FOREACH i IN s %][% i %][% END %]", Map.of("s", "str")));
    }

    @Test
    void unbalancedBlocksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TemplateRenderer.render("[% IF a %]x", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> TemplateRenderer.render("x[% END %]", Map.of()));
    }
}
