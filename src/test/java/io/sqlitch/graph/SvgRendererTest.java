package io.sqlitch.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG read back as XML, as a browser would: its boxes, classes, edges and texts. */
class SvgRendererTest {

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code <g>} elements whose class list holds all of {@code classes}. */
    static List<Element> groups(Document doc, String... classes) {
        List<Element> found = new ArrayList<>();
        NodeList gs = doc.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            List<String> has = List.of(g.getAttribute("class").split(" "));
            if (has.containsAll(List.of(classes)) && !isLegend(g)) {
                found.add(g);
            }
        }
        return found;
    }

    private static boolean isLegend(Element e) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if (p.getAttribute("class").equals("legend")) {
                return true;
            }
        }
        return false;
    }

    private static String boxText(Element g) {
        return g.getElementsByTagName("text").item(0).getTextContent();
    }

    @Test
    void everyChangeIsABoxInPlanOrderColouredByStatusWithItsTagsAndTheReworkMarked() throws Exception {
        Document doc = parse(SvgRenderer.render(GraphFixtures.graph(GraphFixtures.FLIPR, 4)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        List<Element> deployed = groups(doc, "node", "deployed");
        List<Element> pending = groups(doc, "node", "pending");
        assertEquals(List.of("users", "flips", "userflips", "lists"), deployed.stream().map(SvgRendererTest::boxText)
                .toList());
        assertEquals(List.of("hashtags", "\u21bb userflips"), pending.stream().map(SvgRendererTest::boxText).toList());
        assertEquals("change-2", groups(doc, "node", "reworked").get(0).getAttribute("id"));
        assertEquals("change-5", groups(doc, "node", "rework").get(0).getAttribute("id"));
        List<String> tags = groups(doc, "tag").stream().map(g -> g.getTextContent().trim()).toList();
        assertEquals(List.of("@v1.0.0-dev1", "@v1.0.0-dev2"), tags);
        assertEquals(2, doc.getElementsByTagName("line").getLength() - 1, "a rule under each tag (+1 in legend)");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("db:sqlite:test.db: 4 deployed, 2 pending"), text);
    }

    @Test
    void requiresShareOneTrunkPerRequiredChangeAndEveryTargetGetsAnArrow() throws Exception {
        Document doc = parse(SvgRenderer.render(GraphFixtures.graph(GraphFixtures.FLIPR, -1)));
        List<Element> requires = groups(doc, "edge", "requires");
        // users (3 dependents), flips (2), userflips@v1.0.0-dev2 (1): one trunk each.
        assertEquals(List.of("0", "1", "2"), requires.stream().map(g -> g.getAttribute("data-from")).sorted()
                .toList());
        Element users = requires.stream().filter(g -> g.getAttribute("data-from").equals("0")).findFirst()
                .orElseThrow();
        assertEquals("3 changes require users", users.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(3, users.getElementsByTagName("circle").getLength());
        assertEquals(1, groups(doc, "edge", "rework").size());
        assertTrue(groups(doc, "node", "unknown").size() == 6 && groups(doc, "node", "deployed").isEmpty());
    }

    @Test
    void oddNamesAndNotesAreEscapedAndExternalNodesDrawn() throws Exception {
        String svg = SvgRenderer.render(GraphFixtures.graph(GraphFixtures.ODD, 1));
        Document doc = parse(svg);
        assertEquals("a\"b<c>&d", boxText(groups(doc, "node", "deployed").get(0)));
        assertEquals(List.of("auth:users", "billing:invoices@v2"), groups(doc, "node", "external").stream()
                .map(SvgRendererTest::boxText).toList());
        assertEquals(List.of("gone"), groups(doc, "node", "missing").stream().map(SvgRendererTest::boxText).toList());
        assertEquals(2, groups(doc, "edge", "conflicts").size());
        assertTrue(doc.getDocumentElement().getTextContent().contains("Quote \"and\" <markup> & #hash"));
        assertFalse(svg.contains("<markup>"), "markup in a note is text, not elements");
        assertFalse(svg.contains("<script"), "self-contained and inert");
        assertFalse(svg.contains("href"), "no external resource");
    }
}
