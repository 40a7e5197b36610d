package io.sqlitch.maven;

import io.sqlitch.command.AuthoringBuilder;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code add} and {@code rework} share: the change, its dependencies, its note and {@code --all}. */
abstract class AbstractChangeAuthoringMojo extends AbstractSqlitchMojo {

    /**
     * The change's name (Sqitch's positional argument or {@code --change}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.change")
    private String change;

    /**
     * {@code --requires}: changes this one requires (comma-separated on the command line).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.requires")
    private List<String> requires;

    /**
     * {@code --conflicts}: changes this one conflicts with.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.conflicts")
    private List<String> conflicts;

    /**
     * {@code --note}: the change's note, one value (never split at commas). Without one the note is empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.note")
    private String note;

    /**
     * Several {@code --note} paragraphs (pom only), joined by a blank line.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> notes;

    /**
     * The target whose plan to change: a target name, a {@code db:} URI (whose engine then names the templates) or
     * an engine (Sqitch's positional target argument); default: the default target.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    /**
     * {@code --all}: change the plans of every target.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.all", defaultValue = "false")
    private boolean all;

    /** The options add and rework give alike; {@code sqlitch.target} is Sqitch's positional argument. */
    protected <B extends AuthoringBuilder<B>> B authoring(B options) {
        return options.changeName(change).requires(listOf(requires)).conflicts(listOf(conflicts))
                .notes(AuthoringSupport.notes(note, notes)).all(all).args(positional(target));
    }
}
