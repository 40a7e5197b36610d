package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code name=value} items of a repeatable option ({@code --set}, {@code --dir}), in the order given. */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(String property, List<String> items) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new SqitchException("Invalid " + property + " value \"" + item + "\": expected name=value");
            }
            map.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return map;
    }
}
