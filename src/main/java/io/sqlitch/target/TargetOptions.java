package io.sqlitch.target;

import java.util.Map;

/**
 * Sqitch's command-line settings that shape a target (each null when not given): {@code --target},
 * {@code --engine}, {@code --plan-file}, {@code --top-dir}, {@code --registry}, {@code --client}/{@code --db-client},
 * {@code --db-name}/{@code -d}, {@code --extension}, and {@code --dir name=path} (keys {@code deploy}, {@code revert},
 * {@code verify}, {@code reworked}, {@code reworked_deploy}, {@code reworked_revert}, {@code reworked_verify}).
 */
public record TargetOptions(String target, String engine, String planFile, String topDir, String registry,
                            String client, String dbName, String extension, Map<String, String> dirs) {

    public TargetOptions {
        dirs = dirs == null ? Map.of() : Map.copyOf(dirs);
    }

    /** No overrides. */
    public static TargetOptions none() {
        return new TargetOptions(null, null, null, null, null, null, null, null, Map.of());
    }

    public TargetOptions withTarget(String newTarget) {
        return new TargetOptions(newTarget, engine, planFile, topDir, registry, client, dbName, extension, dirs);
    }

    /** An override by attribute name ({@code registry}, {@code client}, {@code plan_file}, {@code top_dir},
     * {@code extension}, {@code deploy_dir}, {@code reworked_dir}, ...), or null. */
    public String override(String key) {
        return switch (key) {
            case "registry" -> registry;
            case "client" -> client;
            case "plan_file" -> planFile;
            case "top_dir" -> topDir;
            case "extension" -> extension;
            default -> key.endsWith("_dir") ? dirs.get(key.substring(0, key.length() - 4)) : null;
        };
    }
}
