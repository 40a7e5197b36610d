package io.sqlitch.engine;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.Tag;
import io.sqlitch.registry.DeployedChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Sqitch's {@code _load_changes}: the rework tags of deployed changes, from which revert and verify name their
 * scripts ({@code revert/x@v1.sql}), whether or not the plan still holds them. An earlier instance of a name
 * deployed again later gets the tags deployed from it up to the later one; a change the plan reworks later gets the
 * plan's tags up to that rework (those first). Tags are names without "@", latest first.
 */
final class DeployedReworkTags {

    private DeployedReworkTags() {
    }

    /** Change id to its rework tags, for changes in the order they were deployed (oldest first). */
    static Map<String, List<String>> of(List<DeployedChange> oldestFirst, Plan plan) {
        List<DeployedChange> changes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, List<List<String>>> reworkTagsFor = new HashMap<>();
        for (DeployedChange c : oldestFirst) {
            Integer prev = seen.get(c.name());
            if (prev != null) {
                List<List<String>> ctags = reworkTagsFor.computeIfAbsent(prev, k -> new ArrayList<>());
                for (int x = prev, i = 0; x < changes.size(); x++, i++) {
                    List<String> rtags = slot(ctags, i);
                    for (String tag : tagNames(changes.get(x))) {
                        if (!rtags.contains(tag)) {
                            rtags.add(tag);
                        }
                    }
                }
            }
            OptionalInt reworked = laterInPlan(plan, c);
            if (reworked.isPresent()) {
                List<List<String>> ctags = reworkTagsFor.computeIfAbsent(changes.size(), k -> new ArrayList<>());
                int idx = plan.indexOf(c.id()).orElseThrow();
                for (int x = idx, i = 0; x < reworked.getAsInt(); x++, i++) {
                    slot(ctags, i).addAll(plan.changeAt(x).tags().stream().map(Tag::name).toList());
                }
            }
            changes.add(c);
            seen.put(c.name(), changes.size() - 1);
        }
        Map<String, List<String>> result = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            List<List<String>> tags = reworkTagsFor.get(i);
            List<String> flat = new ArrayList<>();
            if (tags != null) {
                LinkedHashSet<String> unique = new LinkedHashSet<>();
                for (int j = tags.size() - 1; j >= 0; j--) {
                    unique.addAll(tags.get(j));
                }
                flat.addAll(unique);
            }
            result.put(changes.get(i).id(), List.copyOf(flat));
        }
        return result;
    }

    private static List<String> slot(List<List<String>> ctags, int i) {
        while (ctags.size() <= i) {
            ctags.add(new ArrayList<>());
        }
        return ctags.get(i);
    }

    private static List<String> tagNames(DeployedChange c) {
        return c.tags().stream().map(t -> t.startsWith("@") ? t.substring(1) : t).toList();
    }

    /** {@code $plan->first_index_of(name, id)}: the plan's next instance of the name, if the plan knows the id. */
    private static OptionalInt laterInPlan(Plan plan, DeployedChange c) {
        try {
            return plan.firstIndexOf(c.name(), c.id());
        } catch (SqitchException e) {
            return OptionalInt.empty(); // Sqitch's eval: an id the plan does not know
        }
    }
}
