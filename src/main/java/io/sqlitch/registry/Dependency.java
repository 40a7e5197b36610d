package io.sqlitch.registry;

/**
 * One {@code requires} or {@code conflicts} entry of a change being logged.
 *
 * @param asString   the dependency as the plan writes it ({@code users}, {@code proj:x@tag}, {@code !dr_evil} is
 *                   given here without the {@code !}: Sqitch's {@code as_string})
 * @param resolvedId the change id it resolved to (required for requires, null for conflicts)
 */
public record Dependency(String asString, String resolvedId) {

    public static Dependency requires(String asString, String resolvedId) {
        return new Dependency(asString, resolvedId);
    }

    public static Dependency conflicts(String asString) {
        return new Dependency(asString, null);
    }
}
