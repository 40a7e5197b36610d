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
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Built by name: every option unset until given. */
    public static final class Builder {
        private String uri;
        private String target;
        private String registry;
        private String client;
        private String topDir;
        private String planFile;
        private String extension;
        private Map<String, String> dirs;
        private Map<String, String> variables;

        private Builder() {
        }

        public Builder uri(String value) {
            uri = value;
            return this;
        }

        public Builder target(String value) {
            target = value;
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

        public Builder topDir(String value) {
            topDir = value;
            return this;
        }

        public Builder planFile(String value) {
            planFile = value;
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

        public Builder variables(Map<String, String> value) {
            variables = value;
            return this;
        }

        public TargetProperties build() {
            return new TargetProperties(uri, target, registry, client, topDir, planFile, extension, dirs, variables);
        }
    }
}
