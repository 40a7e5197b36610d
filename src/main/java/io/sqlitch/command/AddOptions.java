package io.sqlitch.command;

import java.util.List;
import java.util.Map;

/**
 * {@code sqitch add} options.
 *
 * @param changeName        {@code --change}/{@code -c}: the change name (null: the first unknown argument)
 * @param requires          {@code --requires}/{@code -r} specs
 * @param conflicts         {@code --conflicts}/{@code -x} specs (without "!")
 * @param notes             {@code --note}/{@code -n} paragraphs, joined by a blank line; none: no note (no editor)
 * @param templateDirectory {@code --template-directory} (null: {@code add.template_directory})
 * @param templateName      {@code --template}/{@code -t} (null: {@code add.template_name}, else the engine)
 * @param use               {@code --use script=path}: a template file per script
 * @param with              {@code --with script}: scripts to create
 * @param without           {@code --without script}: scripts to skip
 * @param variables         {@code --set var=value}: template variables; a key given twice becomes a list
 * @param all               {@code --all}: add to the plans of every target
 * @param args              positional arguments: the change name and targets (names, URIs, engines, plan
 *                          files), sorted as Sqitch's {@code parse_args} does
 */
public record AddOptions(String changeName, List<String> requires, List<String> conflicts,
                         List<String> notes, String templateDirectory, String templateName, Map<String, String> use,
                         List<String> with, List<String> without, Map<String, List<String>> variables, boolean all,
                         List<String> args) {

    public AddOptions {
        requires = requires == null ? List.of() : List.copyOf(requires);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        notes = notes == null ? List.of() : List.copyOf(notes);
        use = use == null ? Map.of() : Map.copyOf(use);
        with = with == null ? List.of() : List.copyOf(with);
        without = without == null ? List.of() : List.copyOf(without);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** Just a name, dependencies and a note, as most calls are. */
    public static AddOptions of(String name, List<String> requires, List<String> conflicts, String note) {
        return builder().changeName(name).requires(requires).conflicts(conflicts)
                .notes(note == null ? List.of() : List.of(note)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Add options by name. */
    public static final class Builder extends AuthoringBuilder<Builder> {

        private String templateDirectory;
        private String templateName;
        private Map<String, String> use;
        private List<String> with;
        private List<String> without;
        private Map<String, List<String>> variables;

        private Builder() {
        }

        /** {@code --template-directory}; null: {@code add.template_directory}. */
        public Builder templateDirectory(String value) {
            templateDirectory = value;
            return this;
        }

        /** {@code --template}/{@code -t}; null: {@code add.template_name}, else the engine. */
        public Builder templateName(String value) {
            templateName = value;
            return this;
        }

        /** {@code --use script=path}: a template file per script. */
        public Builder use(Map<String, String> value) {
            use = value;
            return this;
        }

        /** {@code --with script}: scripts to create. */
        public Builder with(List<String> value) {
            with = value;
            return this;
        }

        /** {@code --without script}: scripts to skip. */
        public Builder without(List<String> value) {
            without = value;
            return this;
        }

        /** {@code --set var=value}: template variables; a key given twice is a list. */
        public Builder variables(Map<String, List<String>> value) {
            variables = value;
            return this;
        }

        public AddOptions build() {
            return new AddOptions(changeName, requires, conflicts, notes, templateDirectory, templateName, use, with,
                    without, variables, all, args);
        }
    }
}
