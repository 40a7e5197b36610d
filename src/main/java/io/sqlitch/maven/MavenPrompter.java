package io.sqlitch.maven;

import io.sqlitch.SqitchException;
import io.sqlitch.console.Output;
import io.sqlitch.console.Prompter;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Sqitch's yes/no prompt under Maven. A batch session never guesses: it needs {@code -Dsqlitch.yes}. Otherwise the
 * answer is read from standard input whether or not it is a terminal, as Sqitch reads it: {@code echo n | mvn
 * sqlitch:revert} reverts nothing; an empty line takes the default; the end of input (nothing to read, e.g.
 * {@code < /dev/null}) answers with the default and prints it ({@code ... [Yes] Yes}), Sqitch's unattended run.
 */
final class MavenPrompter implements Prompter {

    private static final int ATTEMPTS = 3;

    private final boolean interactive;
    private final Console console;
    private final boolean stdinIsTerminal;
    private final InputStream in;
    private final Output out;

    MavenPrompter(boolean interactive, Console console, boolean stdinIsTerminal, InputStream in, Output out) {
        this.interactive = interactive;
        this.console = console;
        this.stdinIsTerminal = stdinIsTerminal;
        this.in = in;
        this.out = out;
    }

    /** The prompter of this process: its console, and its standard input. */
    static MavenPrompter ofProcess(boolean interactive, Output out) {
        return new MavenPrompter(interactive, System.console(), stdinIsTerminal(), System.in, out);
    }

    @Override
    public boolean confirm(String question, boolean defaultYes) {
        String def = defaultYes ? "Yes" : "No";
        String prompt = question + " [" + def + "]";
        if (!interactive) {
            throw new SqitchException(prompt + "\n"
                    + "Maven runs in batch mode and cannot ask: confirm with -Dsqlitch.yes (or <yes>true</yes>)");
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            String answer = ask(prompt, def);
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

    /** One answer, null at the end of input (then the default has been printed after the prompt). */
    private String ask(String prompt, String def) {
        if (console != null) {
            String answer = console.readLine("%s ", prompt);
            if (answer == null) {
                console.printf("%s%n", def);
            }
            return answer;
        }
        if (stdinIsTerminal) {
            // Someone types, but our output goes to a pipe (mvn ... | tee log): the question must come first.
            out.emit(prompt);
        }
        String answer = readLine();
        if (!stdinIsTerminal) {
            // The answer is not echoed by a terminal: show it (or the default taken at the end of input).
            out.emit((prompt + " " + (answer == null ? def : answer.strip())).stripTrailing());
        }
        return answer;
    }

    /** A line of standard input read byte by byte, so that nothing after it is consumed; null at its end. */
    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Whether standard input is a terminal (the JDK only tells when standard output is one too). */
    static boolean stdinIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String fd0 = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return fd0.startsWith("/dev/pts/") || fd0.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
