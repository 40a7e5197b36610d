package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import java.util.Locale;

/** What a failed deploy rolls back: everything deployed in the run, back to the last tag, or nothing. */
public enum DeployMode {
    ALL, TAG, CHANGE;

    /**
     * Parses {@code all|tag|change} (null or empty: all). An invalid value fails as Sqitch 1.3.1's Moo type check
     * does, exit 255, without the Perl source location it names.
     */
    public static DeployMode parse(String value) {
        if (value == null || value.isEmpty()) {
            return ALL;
        }
        return switch (value) {
            case "all" -> ALL;
            case "tag" -> TAG;
            case "change" -> CHANGE;
            default -> throw new SqitchException("Value \"" + value + "\" did not pass type constraint"
                    + " \"Enum[all,change,tag]\" (in $args->{\"mode\"})\n    \"Enum[all,change,tag]\" requires that the value is equal to \"all\","
                    + " \"change\", or \"tag\"", 255);
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
