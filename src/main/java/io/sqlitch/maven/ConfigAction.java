package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code sqitch config}'s actions as the one {@code sqlitch.action} parameter ({@code -Dsqlitch.action=getAll}),
 * like {@code target} and {@code engine} take theirs; each with Sqitch's option name ({@code --get-all}).
 */
enum ConfigAction {
    GET("get"), GET_ALL("getAll"), GET_REGEXP("getRegexp"), ADD("add"), REPLACE_ALL("replaceAll"), UNSET("unset"),
    UNSET_ALL("unsetAll"), RENAME_SECTION("renameSection"), REMOVE_SECTION("removeSection"), LIST("list");

    private final String property;

    ConfigAction(String property) {
        this.property = property;
    }

    /** The name in {@code sqlitch.action} and in the deprecated boolean {@code sqlitch.<name>}. */
    String property() {
        return property;
    }

    /** Sqitch's option without its dashes: {@code get-all}. */
    String sqitchName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code getAll}, or Sqitch's {@code get-all}; anything else is an error listing the actions. */
    static ConfigAction parse(String text) {
        String t = text.trim();
        return Arrays.stream(values()).filter(a -> a.property.equalsIgnoreCase(t) || a.sqitchName().equals(t))
                .findFirst().orElseThrow(() -> new SqitchException("Unknown config action \"" + text
                        + "\"; sqlitch.action is one of " + Arrays.stream(values()).map(ConfigAction::property)
                        .collect(Collectors.joining(", "))));
    }
}
