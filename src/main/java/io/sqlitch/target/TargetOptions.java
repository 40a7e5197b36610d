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
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public TargetOptions withTarget(String newTarget) {
        return new TargetOptions(newTarget, engine, planFile, topDir, registry, client, dbName, extension, dirs);
    }

    /** Built by name: every override unset until given. */
    public static final class Builder {
        private String target;
        private String engine;
        private String planFile;
        private String topDir;
        private String registry;
        private String client;
        private String dbName;
        private String extension;
        private Map<String, String> dirs = Map.of();

        private Builder() {
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder engine(String value) {
            engine = value;
            return this;
        }

        public Builder planFile(String value) {
            planFile = value;
            return this;
        }

        public Builder topDir(String value) {
            topDir = value;
            return this;
        }

        public Builder registry(String value) {
            registry = value;
            return this;
        }

        public Builder client(String value) {
            client = value;
            return this;
        }

        public Builder dbName(String value) {
            dbName = value;
            return this;
        }

        public Builder extension(String value) {
            extension = value;
            return this;
        }

        public Builder dirs(Map<String, String> value) {
            dirs = value;
            return this;
        }

        public TargetOptions build() {
            return new TargetOptions(target, engine, planFile, topDir, registry, client, dbName, extension, dirs);
        }
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
