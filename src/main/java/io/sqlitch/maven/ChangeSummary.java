package io.sqlitch.maven;

import io.sqlitch.console.Output;
import java.util.Locale;

/**
 * The summary lines Sqitch does not print, behind {@code sqlitch.summary}: after deploy, revert, verify, rebase and
 * checkout {@code Deployed 3 changes in 0.42 s} (and the like), after status {@code 2 changes undeployed}. The
 * counts come from Sqitch's own progress lines as they pass ({@code "  + name .. ok"}), so no command changes.
 * Not Sqitch output, so off by default: with it off the output is Sqitch's, line for line.
 */
final class ChangeSummary extends ForwardingOutput {

    private final ConsoleResults out;
    private final String goal;
    private final boolean enabled;
    private final long startNanos;
    private int deployed;
    private int reverted;
    private int listed; // "  * ": verified changes (verify), undeployed ones (status)
    private boolean statusListed;

    ChangeSummary(ConsoleResults out, String goal, boolean enabled, long startNanos) {
        super(out);
        this.out = out;
        this.goal = goal;
        this.enabled = enabled;
        this.startNanos = startNanos;
    }

    // A progress line starts with its bullet; script output may end it before "ok", so the starts are counted.
    // A "not ok" fails the goal, and a failed goal prints no summary.
    @Override
    void seen(String line) {
        if (line.startsWith("  + ")) {
            deployed++;
        } else if (line.startsWith("  - ")) {
            reverted++;
        } else if (line.startsWith("  * ")) {
            listed++;
        } else if (line.equals("Nothing to deploy (up-to-date)") || line.startsWith("Undeployed change")) {
            statusListed = true;
        }
    }

    /** Prints the goal's summary line, if it has one and {@code sqlitch.summary} is on; call after success. */
    void finish(long endNanos) {
        String line = enabled ? line(endNanos) : null;
        if (line != null) {
            out.result(line);
        }
    }

    private String line(long endNanos) {
        String seconds = String.format(Locale.ROOT, "%.2f s", (endNanos - startNanos) / 1e9);
        switch (goal) {
            case "deploy":
                return "Deployed " + changes(deployed) + " in " + seconds;
            case "revert":
                return "Reverted " + changes(reverted) + " in " + seconds;
            case "verify":
                return "Verified " + changes(listed) + " in " + seconds;
            case "rebase":
            case "checkout":
                return "Reverted " + changes(reverted) + " and deployed " + changes(deployed) + " in " + seconds;
            case "status":
                return statusListed ? changes(listed) + " undeployed" : null;
            default:
                return null;
        }
    }

    private static String changes(int n) {
        return n + (n == 1 ? " change" : " changes");
    }
}
