package io.sqlitch.command;

import java.util.List;
import java.util.Map;

/**
 * {@code sqitch verify} options.
 *
 * @param args       positional arguments ({@code [target] [from] [to]})
 * @param target     {@code -t/--target}, or null
 * @param fromChange {@code --from-change}, or null
 * @param toChange   {@code --to-change}, or null
 * @param set        {@code --set name=value} variables
 */
public record VerifyOptions(List<String> args, String target, String fromChange, String toChange,
                            Map<String, String> set) {

    public VerifyOptions {
        args = args == null ? List.of() : List.copyOf(args);
        set = set == null ? Map.of() : Map.copyOf(set);
    }
}
