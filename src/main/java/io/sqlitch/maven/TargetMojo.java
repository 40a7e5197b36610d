package io.sqlitch.maven;

import io.sqlitch.command.TargetCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code sqitch target}: lists, adds, alters, renames, removes and shows database targets in {@code sqitch.conf}. */
@Mojo(name = "target", requiresProject = false, threadSafe = true)
public class TargetMojo extends AbstractTargetConfigMojo {

    /**
     * The target's URI, e.g. {@code db:sqlite:flipr_test.db} (positional for {@code add}, {@code --uri} for {@code
     * alter}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlitch.uri")
    private String uri;

    public TargetMojo() {
        super(TargetCommand::new, true);
    }

    @Override
    protected String value() {
        return uri;
    }
}
