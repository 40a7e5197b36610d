package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's final error line for a failed deploy, revert or verify: Sqitch's message, then the change, the script
 * and line, the database and SQLite's (or psql's) message, e.g. {@code Deploy failed: app_widgets (deploy/app_widgets.sql line
 * 3) on db:sqlite:fail.db: no such table: nosuchtable}.
 */
final class FailureMessage {

    private static final Pattern CLIENT_ERROR = Pattern.compile("(?:Parse|Runtime) error near line (\\d+): (.*)");
    /** psql's error prefix, {@code psql:deploy/c.sql:3: ERROR:  ...}: the file (an included one, say) and line. */
    private static final Pattern PSQL_ERROR = Pattern.compile("psql:(.+?):(\\d+): (.*)");
    private static final Pattern NAMED_SCRIPT = Pattern.compile("Verify script \"?(.+?)\"? (?:failed\\.|does not exist)");

    private FailureMessage() {
    }

    /** A message without surrounding blank space or a Perl source location ({@code at /usr/.../X.pm line 131.}). */
    static String clean(String message) {
        return (message == null ? "" : message).replaceAll(" at /\\S+\\.pm line \\d+\\.?(?=\n|$)", "").strip();
    }

    /** The first line of a message, cleaned: for an unexpected exception, whose trace {@code -e} shows. */
    static String oneLine(String message) {
        String text = clean(message);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * {@code e} with its message cleaned, same trace, and its first cause that is not Sqitch's own message (a
     * driver's exception, say): Maven appends every cause's message the final error does not already contain, and
     * Sqitch's messages may end with a newline.
     */
    static SqitchException cleanCopy(SqitchException e) {
        Throwable cause = e.getCause();
        // Sqitch's own messages down the chain were printed already ([ERROR] lines, as Sqitch prints them); Maven
        // would append each to the final error once more ("... is ambiguous ...: ... is ambiguous ...").
        while (cause instanceof SqitchException) {
            cause = cause.getCause();
        }
        String message = clean(e.getMessage());
        // A driver's message the text already gives in libpq's words (FATAL: with two spaces): Maven would repeat it
        // at the end of the final error; as a suppressed exception -e still shows it.
        boolean repeated = cause != null && squeezed(message).contains(squeezed(cause.getMessage()));
        SqitchException copy = new SqitchException(message, repeated ? null : cause);
        if (repeated) {
            copy.addSuppressed(cause);
        }
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static String squeezed(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /**
     * {@code sqitchMessage} with what {@code recorder} saw of the failure; {@code scriptOf} gives a step's script
     * file (null when unknown). Unchanged when no change step failed.
     */
    static String of(String sqitchMessage, FailureRecorder recorder, Function<FailureRecorder.ChangeStep, String> scriptOf) {
        String head = clean(sqitchMessage);
        FailureRecorder.ChangeStep step = recorder.step();
        List<String> errors = recorder.errors();
        if (step == null || errors.isEmpty()) {
            return head;
        }
        String script = null;
        String line = null;
        String detail = null;
        for (String e : errors) {
            Matcher client = CLIENT_ERROR.matcher(e);
            Matcher named = NAMED_SCRIPT.matcher(e);
            Matcher psql = PSQL_ERROR.matcher(e);
            if (detail == null && client.matches()) {
                line = client.group(1);
                detail = client.group(2);
            } else if (detail == null && psql.matches()) {
                script = psql.group(1);
                line = psql.group(2);
                detail = psql.group(3);
            } else if (script == null && named.matches()) {
                script = named.group(1);
            }
        }
        if (detail == null) {
            detail = errors.stream().filter(e -> !e.isBlank()).findFirst().orElse("").strip();
        }
        if (script == null) {
            script = scriptOf.apply(step);
        }
        StringBuilder sb = new StringBuilder(head).append(": ").append(step.specifier());
        if (script != null) {
            sb.append(" (").append(script).append(line == null ? "" : " line " + line).append(')');
        }
        if (recorder.database() != null) {
            sb.append(" on ").append(recorder.database());
        }
        if (!detail.isEmpty() && !detail.equals(head)) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
