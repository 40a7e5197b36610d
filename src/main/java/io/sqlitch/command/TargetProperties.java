package io.sqlitch.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target options shared by {@code init}, {@code target} and {@code engine} (Sqitch's TargetConfigCommand):
 * each null when not given.
 *
 * @param uri       {@code --uri} (target command: the target URI)
 * @param target    {@code --target} (engine command: the engine's target)
 * @param registry  {@code --registry}
 * @param client    {@code --client}
 * @param topDir    {@code --top-dir}
 * @param planFile  {@code --plan-file/-f}
 * @param extension {@code --extension}
 * @param dirs      {@code --dir name=path}
 * @param variables {@code --set/-s key=value}
 */
public record TargetProperties(String uri, String target, String registry, String client, String topDir,
                               String planFile, String extension, Map<String, String> dirs,
                               Map<String, String> variables) {

    public TargetProperties {
        dirs = dirs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dirs));
        variables = variables == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public static TargetProperties none() {
        return new TargetProperties(null, null, null, null, null, null, null, null, null);
    }
}
