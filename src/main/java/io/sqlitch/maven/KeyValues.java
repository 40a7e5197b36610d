package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code name=value} items of a repeatable option ({@code --set}, {@code --dir}), in the order given. */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(String property, List<String> items) {
        Map<String, String> map = new LinkedHashMap<>();
        pairs(property, items).forEach(p -> map.put(p[0], p[1]));
        return map;
    }

    /** Each item split at its first {@code =}, in order, duplicates kept. */
    static List<String[]> pairs(String property, List<String> items) {
        List<String[]> pairs = new ArrayList<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new SqitchException("Invalid " + property + " value \"" + item + "\": expected name=value");
            }
            pairs.add(new String[] {item.substring(0, eq), item.substring(eq + 1)});
        }
        return pairs;
    }
}
