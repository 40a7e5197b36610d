package io.sqlitch.registry;

import java.time.Instant;

/** A {@code tags} row read back (Sqitch's {@code current_tags}); {@code tag} includes the {@code @}. */
public record DeployedTag(String tagId, String tag, String changeId, Identity committer, Instant committedAt,
                          Identity planner, Instant plannedAt) {
}
