package io.sqlitch.maven;

import io.sqlitch.RunContext;
import io.sqlitch.command.AddCommand;
import io.sqlitch.command.AddOptions;
import io.sqlitch.command.Output;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch add}: adds a change to the plan and writes its deploy, revert and verify scripts from templates. */
@Mojo(name = "add", threadSafe = true)
public class AddMojo extends AbstractSqlitchMojo {

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
     * {@code --template-directory}: where to find the script templates.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.templateDirectory")
    private String templateDirectory;

    /**
     * {@code --template}: the template name (default: the engine, {@code sqlite}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.template")
    private String template;

    /**
     * {@code --use script=path}: a template file for one script.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.use")
    private List<String> use;

    /**
     * {@code --with}: scripts to write ({@code deploy}, {@code revert}, {@code verify}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.with")
    private List<String> with;

    /**
     * {@code --without}: scripts not to write.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.without")
    private List<String> without;

    /**
     * {@code --set name=value}: template variables.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.set")
    private List<String> set;

    /**
     * {@code --all}: add the change to the plans of every target.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.all", defaultValue = "false")
    private boolean all;

    @Override
    protected void run(RunContext context, Output out) {
        new AddCommand(commandContext(context, out, null)).execute(new AddOptions(str("sqlitch.change", change),
                list("sqlitch.requires", requires), list("sqlitch.conflicts", conflicts),
                AuthoringSupport.notes(str("sqlitch.note", note), notes),
                str("sqlitch.templateDirectory", templateDirectory), str("sqlitch.template", template),
                KeyValues.parse("sqlitch.use", list("sqlitch.use", use)), list("sqlitch.with", with),
                list("sqlitch.without", without), AuthoringSupport.variables(list("sqlitch.set", set)),
                bool("sqlitch.all", all), List.of()));
    }
}
