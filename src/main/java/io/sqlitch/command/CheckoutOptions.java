package io.sqlitch.command;

import java.util.List;
import java.util.Map;

/**
 * {@code sqitch checkout} options.
 *
 * @param args        positional arguments ({@code [target] <branch>})
 * @param target      {@code -t/--target}, or null
 * @param mode        {@code --mode}, or null for {@code checkout.mode} / {@code deploy.mode} / all
 * @param verify      {@code --verify}/{@code --no-verify}, or null for {@code checkout.verify} / {@code deploy.verify}
 * @param noPrompt    {@code -y}, or null for {@code checkout.no_prompt} / {@code revert.no_prompt}
 * @param logOnly     {@code --log-only}
 * @param lockTimeout {@code --lock-timeout} seconds, or null for 60
 * @param set         {@code -s/--set name=value} (revert and deploy)
 * @param setRevert   {@code -r/--set-revert name=value}
 * @param setDeploy   {@code -e/--set-deploy name=value}
 */
public record CheckoutOptions(List<String> args, String target, String mode, Boolean verify, Boolean noPrompt,
                              boolean logOnly, Integer lockTimeout, Map<String, String> set,
                              Map<String, String> setRevert, Map<String, String> setDeploy) {

    public CheckoutOptions {
        args = args == null ? List.of() : List.copyOf(args);
        set = set == null ? Map.of() : Map.copyOf(set);
        setRevert = setRevert == null ? Map.of() : Map.copyOf(setRevert);
        setDeploy = setDeploy == null ? Map.of() : Map.copyOf(setDeploy);
    }

    /** {@code sqitch checkout <branch>}. */
    public static CheckoutOptions of(String branch) {
        return builder().args(List.of(branch)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checkout options by name. */
    public static final class Builder extends RevertDeployBuilder<Builder> {

        private Builder() {
        }

        public CheckoutOptions build() {
            return new CheckoutOptions(args, target, mode, verify, noPrompt, logOnly, lockTimeout, set, setRevert,
                    setDeploy);
        }
    }
}
