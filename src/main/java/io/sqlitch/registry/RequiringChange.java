package io.sqlitch.registry;

/**
 * A deployed change that requires another (Sqitch's {@code changes_requiring_change}).
 *
 * @param asofTag the first tag committed at or after it in its project, or null
 */
public record RequiringChange(String changeId, String project, String change, String asofTag) {

    /** {@code [project:]change[@tag]} as the revert dependency error lists it. */
    public String display(String currentProject) {
        return (project.equals(currentProject) ? "" : project + ":") + change + (asofTag == null ? "" : asofTag);
    }
}
