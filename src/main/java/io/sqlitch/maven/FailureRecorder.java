package io.sqlitch.maven;

import io.sqlitch.console.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes a command's output on and remembers what a failure concerns: the database of the last
 * {@code Deploying/Reverting/Verifying} line, the change of the last progress line and the error lines printed
 * since. Sqitch prints these before its one-word failure ({@code Deploy failed}); the build's final error needs
 * them together.
 */
final class FailureRecorder extends ForwardingOutput {

    private static final Pattern DATABASE = Pattern.compile(
            "(?:Deploying changes|Reverting changes|Reverting all changes from|Verifying) .*?(\\S+)");
    private static final Pattern PROGRESS = Pattern.compile("  ([-+*]) (\\S+)((?: @\\S+)*) \\.\\..*");

    /** The change a failure happened in: its verb's bullet ({@code +}, {@code -}, {@code *}) and plan specifier. */
    record ChangeStep(char bullet, String specifier) {
    }

    private String database;
    private ChangeStep step;
    private boolean failed;
    private final List<String> errors = new ArrayList<>();

    FailureRecorder(Output delegate) {
        super(delegate);
    }

    @Override
    public void vent(String line) {
        errors.add(line);
        super.vent(line);
    }

    @Override
    void seen(String line) {
        Matcher db = DATABASE.matcher(line);
        if (db.matches()) {
            database = db.group(1);
            return;
        }
        Matcher p = PROGRESS.matcher(line);
        // The first failed step is the one to report: the revert that follows it prints steps of its own.
        if (p.matches() && !failed) {
            String tags = p.group(3).trim();
            String firstTag = tags.isEmpty() ? "" : tags.split(" ")[0];
            step = new ChangeStep(p.group(1).charAt(0), p.group(2) + firstTag);
            // A script's errors come before its "not ok"; a step that went well leaves nothing to report.
            if (line.endsWith(" ok") && !line.endsWith(" not ok")) {
                errors.clear();
            }
        }
        // "not ok" ends the step's line, or a line of its own after the step's comment.
        if (step != null && (line.equals("not ok") || line.endsWith(" not ok"))) {
            failed = true;
        }
    }

    String database() {
        return database;
    }

    ChangeStep step() {
        return step;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }
}
