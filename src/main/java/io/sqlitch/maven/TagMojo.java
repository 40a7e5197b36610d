package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.TagCommand;
import io.sqlitch.command.TagOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch tag}: tags a change in the plan, or lists the tags when no tag name is given. */
@Mojo(name = "tag", threadSafe = true)
public class TagMojo extends AbstractSqlitchMojo {

    /**
     * The tag's name, with or without {@code @} ({@code --tag}). Without one, the tags are listed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.tag")
    private String tag;

    /**
     * The change to tag ({@code --change}; default: the last change).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.change")
    private String change;

    /**
     * {@code --note}: the tag's note, one value.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.note")
    private String note;

    /**
     * Several {@code --note} paragraphs (pom only).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> notes;

    /**
     * {@code --all}: tag the plans of every target.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.all", defaultValue = "false")
    private boolean all;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new TagCommand(ctx).execute(new TagOptions(tag,
                change, AuthoringSupport.notes(note, notes),
                all, List.of()));
    }
}
