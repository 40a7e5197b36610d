package io.sqlitch.plan;

import java.util.ArrayList;
import java.util.List;

/** A change while the plan is read; {@link PlanAssembler} finishes it into a {@link Change} at the end. */
final class ChangeDraft {
    final Change change;
    final List<Tag> tags = new ArrayList<>();
    final List<Tag> reworkTags = new ArrayList<>();

    ChangeDraft(Change change) {
        this.change = change;
    }

    /** A plan line that is the {@code index}th tag of a draft, resolved once the tag has its change ID. */
    record TagRef(ChangeDraft draft, int index) {
    }
}
