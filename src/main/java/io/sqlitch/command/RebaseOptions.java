package io.sqlitch.command;

import java.util.List;
import java.util.Map;

/**
 * {@code sqitch rebase} options.
 *
 * @param args        positional arguments ({@code [target] [onto] [upto]})
 * @param target      {@code -t/--target}, or null
 * @param ontoChange  {@code --onto-change}, or null: revert everything
 * @param uptoChange  {@code --upto-change}, or null: deploy to the end
 * @param modified    {@code -m/--modified}: revert to the last change whose deploy script is unchanged since it was
 *                    deployed (overrides {@code ontoChange}; the first change argument is then the upto change)
 * @param mode        {@code --mode}, or null for {@code rebase.mode} / {@code deploy.mode} / all
 * @param verify      {@code --verify}/{@code --no-verify}, or null for {@code rebase.verify} / {@code deploy.verify}
 * @param noPrompt    {@code -y}, or null for {@code rebase.no_prompt} / {@code revert.no_prompt}
 * @param logOnly     {@code --log-only}
 * @param lockTimeout {@code --lock-timeout} seconds, or null for 60
 * @param set         {@code -s/--set name=value} variables (revert and deploy)
 * @param setRevert   {@code -r/--set-revert name=value}: revert variables only
 * @param setDeploy   {@code -e/--set-deploy name=value}: deploy variables only
 */
public record RebaseOptions(List<String> args, String target, String ontoChange, String uptoChange, boolean modified,
                            String mode, Boolean verify, Boolean noPrompt, boolean logOnly, Integer lockTimeout,
                            Map<String, String> set, Map<String, String> setRevert, Map<String, String> setDeploy) {

    public RebaseOptions {
        args = args == null ? List.of() : List.copyOf(args);
        set = set == null ? Map.of() : Map.copyOf(set);
        setRevert = setRevert == null ? Map.of() : Map.copyOf(setRevert);
        setDeploy = setDeploy == null ? Map.of() : Map.copyOf(setDeploy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Rebase options by name. */
    public static final class Builder extends RevertDeployBuilder<Builder> {

        private String ontoChange;
        private String uptoChange;
        private boolean modified;

        private Builder() {
        }

        /** {@code --onto-change}, or null: revert everything. */
        public Builder ontoChange(String value) {
            ontoChange = value;
            return this;
        }

        /** {@code --upto-change}, or null: deploy to the end. */
        public Builder uptoChange(String value) {
            uptoChange = value;
            return this;
        }

        /** {@code -m/--modified}: revert to the last change whose deploy script is unchanged. */
        public Builder modified(boolean value) {
            modified = value;
            return this;
        }

        public RebaseOptions build() {
            return new RebaseOptions(args, target, ontoChange, uptoChange, modified, mode, verify, noPrompt, logOnly,
                    lockTimeout, set, setRevert, setDeploy);
        }
    }
}
