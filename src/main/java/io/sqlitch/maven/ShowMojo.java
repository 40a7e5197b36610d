package io.sqlitch.maven;

import io.sqlitch.command.CommandContext;
import io.sqlitch.command.CommandResult;
import io.sqlitch.SqitchException;
import io.sqlitch.command.ShowCommand;
import io.sqlitch.command.ShowOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch show}: prints a change's or tag's information, or a change's deploy, revert or verify script. */
@Mojo(name = "show", threadSafe = true)
public class ShowMojo extends AbstractSqlitchMojo {

    /**
     * What to show: {@code change}, {@code tag}, {@code deploy}, {@code revert} or {@code verify}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.type")
    private String type;

    /**
     * The change or tag, e.g. {@code userflips@HEAD} or {@code @v1.0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.object")
    private String object;

    /**
     * {@code --target}: the target whose plan to read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    /**
     * {@code --exists}: print nothing; fail the build when the object does not exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.exists", defaultValue = "false")
    private boolean exists;

    @Override
    protected CommandResult<?> run(CommandContext ctx) {
        return new ShowCommand(ctx).execute(new ShowOptions(type, object, target, exists));
    }
}
