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
        return builder().project(project).engine(engine).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Init options by name. */
    public static final class Builder {

        private String project;
        private String uri;
        private String engine;
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

        /** The project name (required). */
        public Builder project(String value) {
            project = value;
            return this;
        }

        /** {@code --uri}: the project URI written as {@code %uri}. */
        public Builder uri(String value) {
            uri = value;
            return this;
        }

        /** {@code --engine}. */
        public Builder engine(String value) {
            engine = value;
            return this;
        }

        /** {@code --target}: a name or a URI. */
        public Builder target(String value) {
            target = value;
            return this;
        }

        /** {@code --registry}. */
        public Builder registry(String value) {
            registry = value;
            return this;
        }

        /** {@code --client}. */
        public Builder client(String value) {
            client = value;
            return this;
        }

        /** {@code --top-dir}. */
        public Builder topDir(String value) {
            topDir = value;
            return this;
        }

        /** {@code --plan-file/-f}. */
        public Builder planFile(String value) {
            planFile = value;
            return this;
        }

        /** {@code --extension}. */
        public Builder extension(String value) {
            extension = value;
            return this;
        }

        /** {@code --dir name=path}, in given order. */
        public Builder dirs(Map<String, String> value) {
            dirs = value;
            return this;
        }

        /** {@code --set/-s key=value}, in given order. */
        public Builder variables(Map<String, String> value) {
            variables = value;
            return this;
        }

        public InitOptions build() {
            return new InitOptions(project, uri, engine, target, registry, client, topDir, planFile, extension, dirs,
                    variables);
        }
    }
}
