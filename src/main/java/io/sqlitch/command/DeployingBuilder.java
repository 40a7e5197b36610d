package io.sqlitch.command;

/**
 * The options of the commands that deploy (deploy, rebase, checkout) beyond {@link EngineRunBuilder}'s:
 * {@code --mode} and {@code --verify}.
 *
 * @param <B> the concrete builder
 */
public abstract class DeployingBuilder<B extends DeployingBuilder<B>> extends EngineRunBuilder<B> {

    String mode;
    Boolean verify;

    DeployingBuilder() {
    }

    /** {@code --mode all|tag|change}: what a failure reverts; null for the configuration, else all. */
    public B mode(String value) {
        mode = value;
        return self();
    }

    /** {@code --verify}/{@code --no-verify}: run each verify script; null for the configuration. */
    public B verify(Boolean value) {
        verify = value;
        return self();
    }
}
