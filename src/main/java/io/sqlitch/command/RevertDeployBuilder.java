package io.sqlitch.command;

import java.util.Map;

/**
 * The options rebase and checkout share beyond {@link DeployingBuilder}'s, as Sqitch's {@code RevertDeployCommand}
 * declares them once: {@code -y}, {@code --set-revert} and {@code --set-deploy}.
 *
 * @param <B> the concrete builder
 */
public abstract class RevertDeployBuilder<B extends RevertDeployBuilder<B>> extends DeployingBuilder<B> {

    Boolean noPrompt;
    Map<String, String> setRevert;
    Map<String, String> setDeploy;

    RevertDeployBuilder() {
    }

    /** {@code -y}, or null for the configuration. */
    public B noPrompt(Boolean value) {
        noPrompt = value;
        return self();
    }

    /** {@code -r/--set-revert name=value}: revert variables only. */
    public B setRevert(Map<String, String> value) {
        setRevert = value;
        return self();
    }

    /** {@code -e/--set-deploy name=value}: deploy variables only. */
    public B setDeploy(Map<String, String> value) {
        setDeploy = value;
        return self();
    }
}
