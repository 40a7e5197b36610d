package io.sqlitch.graph;

import io.sqlitch.SqitchException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The files {@code sqlitch:graph} can write, by the name a user gives them. */
public enum GraphFormat {
    SVG("svg", "plan.svg", SvgRenderer::render),
    DOT("dot", "plan.dot", DotRenderer::render),
    MERMAID("mermaid", "plan.mmd", MermaidRenderer::render),
    HTML("html", "plan.html", HtmlReport::page);

    private final String key;
    private final String fileName;
    private final Function<PlanGraph, String> renderer;

    GraphFormat(String key, String fileName, Function<PlanGraph, String> renderer) {
        this.key = key;
        this.fileName = fileName;
        this.renderer = renderer;
    }

    public String fileName() {
        return fileName;
    }

    public String render(PlanGraph graph) {
        return renderer.apply(graph);
    }

    /** A format by its name ({@code svg}, {@code dot}, {@code mermaid}, {@code html}; case-insensitive). */
    public static GraphFormat named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new SqitchException("Unknown graph format \"" + name + "\": use "
                        + Arrays.stream(values()).map(f -> f.key).collect(Collectors.joining(", "))));
    }
}
