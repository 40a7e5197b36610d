package io.sqlitch.testing;

import java.util.List;

/**
 * The one list of where the plugin follows Sqitch 1.6.1 rather than Debian's 1.3.1, the oracle of the differential
 * tests: each difference with the text 1.6.1 prints (from {@code sqitchers/sqitch} at v1.6.1). Everywhere else the
 * two releases agree for SQLite. Differential tests pass real 1.3.1's output through {@link #as161(String)}, which
 * rewrites the reworded messages; the rest are asserted against the recorded 1.6.1 texts below.
 */
public final class VersionDifferences {

    /**
     * One difference.
     *
     * @param what    what differs
     * @param since   the release that changed it
     * @param text161 what 1.6.1 prints (placeholders as in the example the tests use)
     */
    public record Difference(String what, String since, String text161) {
    }

    private static final String TAIL = "or blanks, or end in punctuation or digits following punctuation";

    /**
     * {@code add} of a change name with a bracket, which 1.3.1 accepts. 1.6.1's regex only refuses a bracket before
     * trailing digits ({@code w[1}); its message and Changes refuse brackets outright, and so do we ({@code x[y]z}).
     */
    public static final Difference CHANGE_NAME = new Difference("change names must not contain [ or ]", "1.5.0",
            "\"w[1\" is invalid: changes must not begin with punctuation, contain \"@\", \":\", \"#\", \"\\\", "
                    + "\"[\", \"]\", " + TAIL);

    /** {@code tag} with a bracket. */
    public static final Difference TAG_NAME = new Difference("tag names must not contain [ or ]", "1.5.0",
            "\"v[1\" is invalid: tags must not begin with punctuation, contain \"@\", \":\", \"#\", \"/\", \"\\\", "
                    + "\"[\", \"]\", " + TAIL);

    /** {@code init} with a bracket in the project name. */
    public static final Difference INIT_PROJECT = new Difference("project names must not contain [ or ]", "1.5.0",
            "invalid project name \"a[1\": project names must not begin with punctuation, contain \"@\", \":\", "
                    + "\"#\", \"[\", \"]\", " + TAIL);

    /** A plan whose change or tag line names something with a bracket ({@code w[1}; we also refuse {@code x[y]z}). */
    public static final Difference PLAN_NAME = new Difference("plan reading rejects [ and ] in names", "1.5.0",
            "Syntax error in sqitch.plan at line 4: Invalid name; names must not begin with punctuation, contain "
                    + "\"@\", \":\", \"#\", \"\\\", \"[\", \"]\", " + TAIL);

    /** A plan whose {@code %project} has a bracket. */
    public static final Difference PLAN_PROJECT = new Difference("plan reading rejects [ and ] in %project",
            "1.5.0", "Syntax error in sqitch.plan at line 2: invalid project name \"a[1\": project names must not "
                    + "begin with punctuation, contain \"@\", \":\", \"#\", \"\\\", \"[\", \"]\", " + TAIL);

    /**
     * Deploy of a change whose deploy script is missing: 1.6.1 checks before running it (also with
     * {@code --log-only}, which 1.3.1 then records as deployed); 1.3.1 runs the client, which fails with
     * {@code Error: cannot open "deploy/b.sql"} and {@code "sqlite3" unexpectedly returned exit value 1}.
     */
    public static final Difference DEPLOY_SCRIPT = new Difference("a missing deploy script", "1.5.0",
            "Deploy script deploy/b.sql does not exist");

    /**
     * An engine Sqitch does not know: 1.3.1 dies with a Perl trace ({@code Unable to load ...}). The engine
     * validation of {@code io.sqlitch.target} prints it (tested there).
     */
    public static final Difference UNKNOWN_ENGINE = new Difference("an unknown engine", "1.5.0",
            "Unknown engine: nosuch");

    public static final List<Difference> ALL = List.of(CHANGE_NAME, TAG_NAME, INIT_PROJECT, PLAN_NAME, PLAN_PROJECT,
            DEPLOY_SCRIPT, UNKNOWN_ENGINE);

    private VersionDifferences() {
    }

    /** Real 1.3.1 output with its name messages reworded as 1.6.1 words them (the other texts are unchanged). */
    public static String as161(String text131) {
        return text131
                .replace("contain \"@\", \":\", \"#\", \"\\\", or blanks",
                        "contain \"@\", \":\", \"#\", \"\\\", \"[\", \"]\", or blanks")
                .replace("contain \"@\", \":\", \"#\", \"/\", \"\\\", or blanks",
                        "contain \"@\", \":\", \"#\", \"/\", \"\\\", \"[\", \"]\", or blanks")
                .replace("contain \"@\", \":\", \"#\", or blanks",
                        "contain \"@\", \":\", \"#\", \"[\", \"]\", or blanks");
    }

    /** {@link #as161(String)} applied to a result's stdout and stderr. */
    public static RealSqitch.Result as161(RealSqitch.Result r) {
        return new RealSqitch.Result(as161(r.stdout()), as161(r.stderr()), r.exitValue());
    }
}
