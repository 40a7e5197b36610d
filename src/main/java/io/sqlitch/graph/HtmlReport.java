package io.sqlitch.graph;

import io.sqlitch.registry.DeployedChange;
import java.util.List;

/**
 * The plan report as HTML: the target's status, the pending changes and the graph (the SVG inline). The
 * {@link #body} fragment goes into a Maven site page; {@link #page} wraps it into a self-contained file.
 */
public final class HtmlReport {

    private static final String STYLE = """
            <style>
            .sqlitch-report{font-family:system-ui,'DejaVu Sans',Arial,sans-serif;color:#1f2933}
            .sqlitch-report table.status td,.sqlitch-report table.status th{text-align:left;padding:2px 12px 2px 0}
            .sqlitch-report table.pending td{padding:1px 12px 1px 0;vertical-align:top}
            .sqlitch-report code{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace}
            .sqlitch-report .graph{overflow:auto;border:1px solid #d9e2ec;max-width:100%}
            .sqlitch-report .tag{color:#283593}
            </style>
            """;

    private static final int OPEN_PENDING = 20;

    private HtmlReport() {
    }

    /** A whole HTML page holding {@link #body}. */
    public static String page(PlanGraph graph) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>"
                + Escape.xml("Sqitch plan of " + graph.project()) + "</title>\n</head>\n<body>\n" + body(graph)
                + "</body>\n</html>\n";
    }

    /** The report without {@code html}/{@code body}: status, pending changes, graph. */
    public static String body(PlanGraph graph) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<div class=\"sqlitch-report\">\n").append(STYLE);
        out.append("<h2>").append(Escape.xml("Sqitch plan of " + graph.project())).append("</h2>\n");
        graph.target().ifPresent(target -> status(graph, target, out));
        pending(graph, out);
        out.append("<h3>Dependency graph</h3>\n<div class=\"graph\">\n").append(SvgRenderer.render(graph))
                .append("</div>\n</div>\n");
        return out.toString();
    }

    private static void status(PlanGraph graph, TargetState target, StringBuilder out) {
        out.append("<h3>Status</h3>\n<table class=\"status\">\n");
        row(out, "Target", target.destination());
        row(out, "Project", graph.project());
        if (target.current().isEmpty()) {
            row(out, "Change", "No changes deployed");
        } else {
            DeployedChange current = target.current().get();
            row(out, "Change", current.nameWithTags());
            row(out, "ID", current.id());
            row(out, "Deployed", current.committedAt().toString());
            row(out, "By", current.committer().toString());
        }
        row(out, "Changes", graph.count(NodeStatus.DEPLOYED) + " deployed, " + graph.count(NodeStatus.PENDING)
                + " pending, " + graph.changes().size() + " in the plan");
        out.append("</table>\n");
    }

    private static void pending(PlanGraph graph, StringBuilder out) {
        if (graph.target().isEmpty()) {
            return;
        }
        List<GraphNode> pending = graph.pending();
        out.append("<h3>Pending changes</h3>\n");
        if (pending.isEmpty()) {
            out.append("<p>Nothing to deploy (up-to-date)</p>\n");
            return;
        }
        // A long list would push the graph off the page: folded beyond a screenful, with its count.
        out.append(pending.size() > OPEN_PENDING ? "<details>" : "<details open=\"open\">").append("<summary>")
                .append(pending.size()).append(pending.size() == 1 ? " change" : " changes")
                .append(" to deploy</summary>\n<table class=\"pending\">\n");
        for (GraphNode change : pending) {
            out.append("<tr><td>").append(change.index() + 1).append("</td><td><code>")
                    .append(Escape.xml(SvgGeometry.boxLabel(graph, change.index()))).append("</code>");
            change.tags().forEach(t -> out.append(" <span class=\"tag\">@").append(Escape.xml(t)).append("</span>"));
            out.append("</td><td>").append(Escape.xml(change.note())).append("</td></tr>\n");
        }
        out.append("</table>\n</details>\n");
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(Escape.xml(key)).append("</th><td>").append(Escape.xml(value))
                .append("</td></tr>\n");
    }
}
