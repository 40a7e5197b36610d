package io.sqlitch.command;

import io.sqlitch.target.TargetOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sqitch init} options; each null when not given.
 *
 * @param project   the project name (required)
 * @param uri       {@code --uri}: the project URI written as {@code %uri}
 * @param engine    {@code --engine}
 * @param target    {@code --target}: a name or a URI
 * @param registry  {@code --registry}
 * @param client    {@code --client}
 * @param topDir    {@code --top-dir}
 * @param planFile  {@code --plan-file/-f}
 * @param extension {@code --extension}
 * @param dirs      {@code --dir name=path} ({@code deploy}, {@code revert}, {@code verify}, {@code reworked},
 *                  {@code reworked_deploy}, {@code reworked_revert}, {@code reworked_verify}), in given order
 * @param variables {@code --set/-s key=value}, in given order
 */
public record InitOptions(String project, String uri, String engine, String target, String registry,
                          String client, String topDir, String planFile, String extension,
                          Map<String, String> dirs, Map<String, String> variables) {

    public InitOptions {
        dirs = dirs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dirs));
        variables = variables == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Just a project (and engine). */
    public static InitOptions of(String project, String engine) {
        return new InitOptions(project, null, engine, null, null, null, null, null, null, null, null);
    }
}
