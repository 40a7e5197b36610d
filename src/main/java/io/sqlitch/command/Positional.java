package io.sqlitch.command;

import java.util.List;

/** Positional arguments from a single optional value, as the Maven goals pass {@code sqlitch.target}. */
final class Positional {

    private Positional() {
    }

    static List<String> of(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }
}
