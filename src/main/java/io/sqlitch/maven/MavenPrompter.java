package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.console.Prompter;
import java.io.Console;
import java.util.Locale;

/**
 * Sqitch's yes/no prompt under Maven: a batch session never guesses (it needs {@code -Dsqlitch.yes}), an
 * interactive one asks on the console, and an interactive one without a console answers with the default as
 * Sqitch does when unattended ({@code ... [Yes] Yes}).
 */
final class MavenPrompter implements Prompter {

    private static final int ATTEMPTS = 3;

    private final boolean interactive;
    private final Console console;
    private final Output out;

    MavenPrompter(boolean interactive, Console console, Output out) {
        this.interactive = interactive;
        this.console = console;
        this.out = out;
    }

    @Override
    public boolean confirm(String question, boolean defaultYes) {
        String def = defaultYes ? "Yes" : "No";
        if (!interactive) {
            throw new SqitchException(question + " [" + def + "]\n"
                    + "Maven runs in batch mode and cannot ask: confirm with -Dsqlitch.yes (or <yes>true</yes>)");
        }
        if (console == null) {
            out.emit(question + " [" + def + "] " + def);
            return defaultYes;
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            String answer = console.readLine("%s [%s] ", question, def);
            if (answer == null || answer.isBlank()) {
                return defaultYes;
            }
            String a = answer.trim().toLowerCase(Locale.ROOT);
            if ("yes".startsWith(a)) {
                return true;
            }
            if ("no".startsWith(a)) {
                return false;
            }
            out.emit("Please answer \"y\" or \"n\".");
        }
        throw new SqitchException("No valid answer after 3 attempts; aborting");
    }
}
