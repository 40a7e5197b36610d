package io.sqlitch.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the immutable plan from the parsed drafts: parent IDs chained, tags and rework tags attached. */
final class PlanAssembler {

    private PlanAssembler() {
    }

    /**
     * @param lines  the file's lines in order: {@link PlanLine}s, {@link ChangeDraft}s and {@link ChangeDraft.TagRef}s
     * @param drafts the changes in plan order
     */
    static Plan assemble(String file, Map<String, String> pragmas, List<Object> lines, List<ChangeDraft> drafts) {
        Map<ChangeDraft, Change> done = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String parentId = null;
        for (ChangeDraft d : drafts) {
            Change c = d.change;
            Change withParent = new Change(c.lspace(), c.lopspace(), c.operator(), c.ropspace(), c.name(),
                    c.pspace(), c.requires(), c.conflicts(), c.timestamp(), c.planner(), c.rspace(), c.note(),
                    c.lineNumber(), c.project(), c.uri(), parentId, List.of(), List.of(), false);
            String id = withParent.id();
            ids.add(id);
            List<Tag> tags = new ArrayList<>();
            for (Tag t : d.tags) {
                tags.add(withChangeId(t, id));
            }
            Change finished = withParent.withTags(tags, List.of(), !d.reworkTags.isEmpty());
            done.put(d, finished);
            changes.add(finished);
            parentId = id;
        }
        // Rework tags refer to tags of later changes, so resolve them once all tags have IDs.
        Map<Tag, Tag> tagFor = new HashMap<>();
        for (ChangeDraft d : drafts) {
            Change c = done.get(d);
            for (int k = 0; k < d.tags.size(); k++) {
                tagFor.put(d.tags.get(k), c.tags().get(k));
            }
        }
        for (int k = 0; k < drafts.size(); k++) {
            ChangeDraft d = drafts.get(k);
            if (!d.reworkTags.isEmpty()) {
                Change c = changes.get(k);
                Change reworked = c.withTags(c.tags(), d.reworkTags.stream().map(tagFor::get).toList(), true);
                changes.set(k, reworked);
                done.put(d, reworked);
            }
        }
        List<PlanLine> planLines = new ArrayList<>();
        for (Object o : lines) {
            if (o instanceof PlanLine pl) {
                planLines.add(pl);
            } else if (o instanceof ChangeDraft d) {
                planLines.add(done.get(d));
            } else if (o instanceof ChangeDraft.TagRef ref) {
                planLines.add(done.get(ref.draft()).tags().get(ref.index()));
            }
        }
        // The IDs go along: Change is a record and cannot cache its SHA-1, which Plan would compute again.
        return new Plan(file, pragmas, planLines, changes, ids);
    }

    private static Tag withChangeId(Tag t, String changeId) {
        return new Tag(t.lspace(), t.name(), t.timestamp(), t.planner(), t.rspace(), t.note(), t.lineNumber(),
                t.project(), t.uri(), changeId, t.changeName());
    }
}
