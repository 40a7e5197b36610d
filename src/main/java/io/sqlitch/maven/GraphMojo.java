package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.GraphCommand;
import io.sqlitch.command.GraphOptions;
import io.sqlitch.graph.GraphFormat;
import java.io.File;
import java.util.Arrays;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Draws the plan's dependency graph (not a Sqitch command): {@code plan.svg} (self-contained, opens in any
 * browser), {@code plan.dot} (Graphviz) and {@code plan.mmd} (a Mermaid flowchart for Markdown). Changes in plan
 * order, requires and conflicts as edges, tags and reworks marked; with a target, deployed and pending changes
 * coloured. Reads the registry read-only; writes nothing but these files.
 */
@Mojo(name = "graph", threadSafe = true)
public class GraphMojo extends AbstractSqlitchMojo {

    /**
     * The target whose plan to draw and whose registry colours the changes deployed or pending (a target name or
     * a URI such as {@code db:sqlite:flipr_test.db}); without one the default target's plan is drawn uncoloured.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    /**
     * The directory the files are written to; relative to the project's base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.graphDirectory", defaultValue = "${project.build.directory}/sqlitch")
    private File graphDirectory;

    /**
     * The files to write, comma-separated: {@code svg}, {@code dot}, {@code mermaid}, {@code html} (the SVG in a
     * page).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.graphFormats", defaultValue = "svg,dot,mermaid")
    private String graphFormats;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        String directory = graphDirectory == null ? "target/sqlitch"
                : graphDirectory.getPath();
        String formats = graphFormats == null ? "svg,dot,mermaid" : graphFormats;
        return new GraphCommand(ctx).execute(new GraphOptions(target,
                baseDirectory().resolve(directory), Arrays.stream(formats.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(GraphFormat::named).distinct().toList()));
    }
}
