package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.command.AddCommand;
import io.sqlitch.command.AddOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch add}: adds a change to the plan and writes its deploy, revert and verify scripts from templates. */
@Mojo(name = "add", threadSafe = true)
public class AddMojo extends AbstractChangeAuthoringMojo {

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

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new AddCommand(ctx).execute(authoring(AddOptions.builder())
                .templateDirectory(templateDirectory).templateName(template)
                .use(KeyValues.parse("sqlitch.use", listOf(use))).with(listOf(with)).without(listOf(without))
                .variables(AuthoringSupport.variables(listOf(set))).build());
    }
}
