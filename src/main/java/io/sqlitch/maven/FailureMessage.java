package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's final error line for a failed deploy, revert or verify: Sqitch's message, then the change, the script
 * and line, the database and SQLite's message, e.g. {@code Deploy failed: app_widgets (deploy/app_widgets.sql line
 * 3) on db:sqlite:fail.db: no such table: nosuchtable}.
 */
final class FailureMessage {

    private static final Pattern CLIENT_ERROR = Pattern.compile("(?:Parse|Runtime) error near line (\\d+): (.*)");
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
        SqitchException copy = new SqitchException(clean(e.getMessage()), cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
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
            if (detail == null && client.matches()) {
                line = client.group(1);
                detail = client.group(2);
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
