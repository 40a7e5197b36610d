package io.sqlitch.maven;

import io.sqlitch.command.EngineCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch engine}: lists, adds, alters, removes and shows engine settings in {@code sqitch.conf}. */
@Mojo(name = "engine", requiresProject = false, threadSafe = true)
public class EngineMojo extends AbstractTargetConfigMojo {

    /**
     * The engine's target, a name or a URI (positional for {@code add}, {@code --target} for {@code alter}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.target")
    private String target;

    public EngineMojo() {
        super(EngineCommand::new, false);
    }

    @Override
    protected String value() {
        return target;
    }
}
