package io.sqlitch.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOT and Mermaid: the same nodes and edges as the SVG, in languages other tools render. */
class TextRenderersTest {

    private static List<String> lines(String text, String prefix) {
        return text.lines().map(String::trim).filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void dotHasOneNodePerChangeThePlanOrderChainAndTheTypedEdges() {
        String dot = DotRenderer.render(GraphFixtures.graph(GraphFixtures.FLIPR, 4));
        assertTrue(dot.startsWith("digraph \"flipr\" {\n"));
        assertTrue(dot.endsWith("}\n"));
        assertEquals(6, lines(dot, "c").stream().filter(l -> l.matches("c\\d \\[label=.*")).count());
        assertTrue(dot.contains("c2 [label=\"userflips\\n@v1.0.0-dev1\""), dot);
        assertTrue(dot.contains("c5 [label=\"\u21bb userflips\""));
        assertTrue(dot.contains("class=\"deployed reworked\", fillcolor=\"#d7f0dc\""));
        assertTrue(dot.contains("class=\"pending\", fillcolor=\"#fff4d6\""));
        assertEquals(5, lines(dot, "").stream().filter(l -> l.contains("[style=invis]")).count());
        assertTrue(dot.contains("  c0 -> c1 [tooltip=\"users\"];\n"));
        assertTrue(dot.contains("  c2 -> c5 [style=dotted, color=\"#7b1fa2\", label=\"rework\"];\n"));
        assertTrue(dot.contains("  c2 -> c5 [tooltip=\"userflips@v1.0.0-dev2\"];\n"));
    }

    @Test
    void dotEscapesQuotesAndNewlinesAndDrawsConflictsAndExternals() {
        String dot = DotRenderer.render(GraphFixtures.graph(GraphFixtures.ODD, -1));
        assertTrue(dot.contains("c0 [label=\"a\\\"b<c>&d\""), dot);
        assertTrue(dot.contains("tooltip=\"1. a\\\"b<c>&d\\n"), dot);
        assertTrue(dot.contains("x0 [label=\"auth:users\""));
        assertTrue(dot.contains("x1 [label=\"gone\""));
        assertTrue(dot.contains("  x1 -> c1 [style=dashed, color=\"#c62828\", arrowhead=tee, label=\"conflicts\""));
        assertEquals(1, dot.lines().filter(l -> l.trim().startsWith("x0 [")).count());
        for (String line : dot.lines().toList()) {
            String unescaped = line.replace("\\\\", "").replace("\\\"", "");
            assertEquals(0, unescaped.chars().filter(c -> c == '"').count() % 2, "quotes balance: " + line);
        }
    }

    @Test
    void mermaidIsAFlowchartWithEntityEscapedLabelsAndStatusClasses() {
        String mermaid = MermaidRenderer.render(GraphFixtures.graph(GraphFixtures.FLIPR, 4));
        assertTrue(mermaid.startsWith("flowchart TB\n"));
        assertTrue(mermaid.contains("  c2[\"userflips<br>@v1.0.0-dev1\"]\n"), mermaid);
        assertTrue(mermaid.contains("  c0 --> c1\n"));
        assertTrue(mermaid.contains("  c2 -. rework .-> c5\n"));
        assertTrue(mermaid.contains("  classDef deployed fill:#d7f0dc,stroke:#2e7d32\n  class c0,c1,c2,c3 deployed\n"));
        assertTrue(mermaid.contains("  class c4,c5 pending\n"));

        String odd = MermaidRenderer.render(GraphFixtures.graph(GraphFixtures.ODD, -1));
        assertTrue(odd.contains("  c0[\"a#34;b#60;c#62;#38;d\"]\n"), odd);
        assertTrue(odd.contains("  x0[/\"auth:users\"/]\n"));
        assertTrue(odd.contains("  x1 -. conflicts .-x c1\n"));
        assertTrue(odd.contains("  class x1 missing\n"));
        for (String line : odd.lines().toList()) {
            assertEquals(0, line.chars().filter(c -> c == '"').count() % 2, line);
        }
    }
}
