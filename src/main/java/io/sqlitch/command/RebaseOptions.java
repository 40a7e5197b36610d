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
 * @param mode        {@code --mode}, or null for {@code rebase.mode} / {@code deploy.mode} / all
 * @param verify      {@code --verify}/{@code --no-verify}, or null for {@code rebase.verify} / {@code deploy.verify}
 * @param noPrompt    {@code -y}, or null for {@code rebase.no_prompt} / {@code revert.no_prompt}
 * @param logOnly     {@code --log-only}
 * @param lockTimeout {@code --lock-timeout} seconds, or null for 60
 * @param set         {@code --set name=value} variables (revert and deploy)
 */
public record RebaseOptions(List<String> args, String target, String ontoChange, String uptoChange, String mode,
                            Boolean verify, Boolean noPrompt, boolean logOnly, Integer lockTimeout,
                            Map<String, String> set) {

    public RebaseOptions {
        args = args == null ? List.of() : List.copyOf(args);
        set = set == null ? Map.of() : Map.copyOf(set);
    }
}
