package io.sqlitch.plan;

import io.sqlitch.SqitchException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sqitch's {@code check_changes}: requirements must be declared earlier, one tag-delimited group at a time. */
final class DependencyOrderCheck {

    private DependencyOrderCheck() {
    }

    /**
     * Checks one group of changes and empties it.
     *
     * @param group     the changes since the last tag, in plan order
     * @param lineNoFor the line of every change and {@code @tag} of the groups already checked
     * @param project   the plan's project (requirements of other projects are not checked)
     * @param file      the plan file, for the hint
     */
    static void check(List<ChangeDraft> group, Map<String, Integer> lineNoFor, String project, String file) {
        if (group.isEmpty()) {
            return;
        }
        Map<String, Integer> position = new HashMap<>();
        List<Map.Entry<String, List<String>>> invalid = new ArrayList<>();
        int n = 0;
        for (ChangeDraft d : group) {
            List<String> bad = new ArrayList<>();
            for (Dependency dep : d.change.requires()) {
                if (dep.hasProject()) {
                    if (!dep.project().equals(project)) {
                        continue;
                    }
                } else if (dep.hasId()) {
                    continue;
                }
                String key = dep.keyName();
                if (key.indexOf('@') > 0) {
                    int at = key.indexOf('@');
                    Integer tagAt = lineNoFor.get("@" + key.substring(at + 1));
                    Integer changeAt = lineNoFor.get(key.substring(0, at));
                    if (tagAt != null && changeAt != null && changeAt < tagAt) {
                        continue;
                    }
                } else if (lineNoFor.containsKey(key) || position.containsKey(key)) {
                    continue;
                }
                bad.add(key);
            }
            position.put(d.change.name(), ++n);
            if (!bad.isEmpty()) {
                invalid.add(Map.entry(d.change.name(), bad));
            }
        }
        group.clear();
        if (!invalid.isEmpty()) {
            throw new SqitchException(message(invalid, position, file));
        }
    }

    private static String message(List<Map.Entry<String, List<String>>> invalid, Map<String, Integer> position,
                                  String file) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : invalid) {
            String change = entry.getKey();
            int maxDelta = 0;
            for (String dep : entry.getValue()) {
                if (change.equals(dep)) {
                    errors.add("Change \"" + change + "\" cannot require itself");
                } else if (position.containsKey(dep)) {
                    int delta = position.get(dep) - position.get(change);
                    maxDelta = Math.max(maxDelta, delta);
                    errors.add("Change \"" + change + "\" planned " + delta + (delta == 1 ? " change" : " changes")
                            + " before required change \"" + dep + "\"");
                } else {
                    errors.add("Unknown change \"" + dep + "\" required by change \"" + change + "\"");
                }
            }
            if (maxDelta > 0) {
                int last = errors.size() - 1;
                errors.set(last, errors.get(last) + "\n    HINT: move \"" + change + "\" down " + maxDelta
                        + (maxDelta == 1 ? " line" : " lines") + " in " + file);
            }
        }
        return (errors.size() == 1 ? "Dependency error detected:" : "Dependency errors detected:")
                + "\n  " + String.join("\n  ", errors);
    }
}
