package io.sqlitch.command;

/**
 * {@code sqitch init} options; each null when not given.
 *
 * @param project    the project name (required)
 * @param uri        {@code --uri}: the project URI written as {@code %uri}
 * @param engine     {@code --engine}
 * @param properties the target options init shares with {@code target} and {@code engine} ({@code --target}
 *                   as a name or a URI, {@code --registry}, {@code --client}, {@code --top-dir}, {@code --plan-file},
 *                   {@code --extension}, {@code --dir}, {@code --set}); never null
 */
public record InitOptions(String project, String uri, String engine, TargetProperties properties) {

    public InitOptions {
        properties = properties == null ? TargetProperties.none() : properties;
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
        private TargetProperties properties;

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

        /** The shared target options ({@link TargetProperties#builder()}). */
        public Builder properties(TargetProperties value) {
            properties = value;
            return this;
        }

        public InitOptions build() {
            return new InitOptions(project, uri, engine, properties);
        }
    }
}
