package io.sqlitch.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void statusPendingChangesAndTheGraphInOnePageThatParsesAsXml() throws Exception {
        String page = HtmlReport.page(GraphFixtures.graph(GraphFixtures.FLIPR, 4));
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(page.contains("<tr><th>Target</th><td>db:sqlite:test.db</td></tr>"));
        assertTrue(page.contains("<tr><th>Change</th><td>No changes deployed</td></tr>"));
        assertTrue(page.contains("<td>4 deployed, 2 pending, 6 in the plan</td>"));
        assertTrue(page.contains("<details open=\"open\"><summary>2 changes to deploy</summary>"));
        assertTrue(page.contains("<td>5</td><td><code>hashtags</code> <span class=\"tag\">@v1.0.0-dev2</span>"));
        assertTrue(page.contains("<td>6</td><td><code>\u21bb userflips</code></td>"));
        String body = HtmlReport.body(GraphFixtures.graph(GraphFixtures.FLIPR, 4));
        assertEquals("div", SvgRendererTest.parse(body).getDocumentElement().getTagName(), "well-formed fragment");
    }

    @Test
    void aLongPendingListIsFoldedAndOddNamesEscaped() throws Exception {
        String body = HtmlReport.body(GraphFixtures.graph(LaneLayoutTest.longPlan(40), 0));
        assertTrue(body.contains("<details><summary>40 changes to deploy</summary>"));
        String odd = HtmlReport.body(GraphFixtures.graph(GraphFixtures.ODD, 0));
        assertTrue(odd.contains("<code>a&quot;b&lt;c&gt;&amp;d</code>"), odd);
        assertTrue(odd.contains("<h2>Sqitch plan of odd</h2>"));
        assertFalse(odd.contains("<markup>"));
        SvgRendererTest.parse(odd);
    }

    @Test
    void withoutATargetThereIsNoStatusNorPendingList() {
        String body = HtmlReport.body(GraphFixtures.graph(GraphFixtures.FLIPR, -1));
        assertFalse(body.contains("<h3>Status</h3>"));
        assertFalse(body.contains("Pending changes"));
        assertTrue(body.contains("<h3>Dependency graph</h3>"));
    }

    @Test
    void truncationNeverSplitsACharacter() {
        assertEquals("ab\u2026", Escape.truncate("ab\uD83D\uDE00cd", 4));
        assertEquals("abc", Escape.truncate("abc", 3));
    }
}
