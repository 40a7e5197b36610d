package io.sqlitch.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameter conversions the authoring goals share. */
final class AuthoringSupport {

    private AuthoringSupport() {
    }

    /** One note from {@code -Dsqlitch.note} (never split at commas), or several from the pom's {@code <notes>}. */
    static List<String> notes(String note, List<String> notes) {
        List<String> all = new ArrayList<>();
        if (note != null) {
            all.add(note);
        }
        if (notes != null) {
            all.addAll(notes);
        }
        return all;
    }

    /** Template variables: a name given twice becomes a list, as Sqitch's {@code --set} does. */
    static Map<String, List<String>> variables(List<String> items) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        KeyValues.pairs("sqlitch.set", items).forEach(p -> vars.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]));
        return vars;
    }
}
