package io.sqlitch.engine.pg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides before a script runs whether the in-process runner can run it as psql would: every meta-command it
 * uses (also in {@code \i}/{@code \ir} files with a literal name, and in {@code \if} branches) must be one of
 * {@link PsqlMetaCommands#SUPPORTED}, and none may use backticks (psql's shell evaluation). Names psql does not
 * know are left to run time, where psql reports them too ({@code invalid command \X}).
 */
public final class PsqlScriptCheck {

    private PsqlScriptCheck() {
    }

    /** The refusal, naming file and line and the way out, or empty when the script can run in-process. */
    public static Optional<String> refusal(Path workingDirectory, String display) {
        return check(workingDirectory, display, new HashSet<>());
    }

    private static Optional<String> check(Path cwd, String display, Set<Path> seen) {
        Path file = cwd.resolve(display).normalize();
        if (!seen.add(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = PsqlScriptRunner.read(file);
        } catch (IOException e) {
            return Optional.empty(); // the runner reports the missing file as psql does
        }
        PsqlScanner scanner = new PsqlScanner(text, name -> null);
        scanner.active(false);
        while (true) {
            PsqlScanner.Item item = scanner.next();
            if (item instanceof PsqlScanner.End) {
                return Optional.empty();
            }
            if (!(item instanceof PsqlScanner.Meta m)) {
                continue;
            }
            String name = m.name();
            if (!PsqlMetaCommands.known(name)) {
                continue;
            }
            if (!PsqlMetaCommands.SUPPORTED.contains(name)) {
                return Optional.of(refuse(display, m.line(), "the psql meta-command \\" + name));
            }
            if (PsqlMetaArgs.hasBacktick(m.args())) {
                return Optional.of(refuse(display, m.line(), "a backtick (shell) expression in \\" + name));
            }
            if (name.equals("g") && !m.args().isBlank()) {
                return Optional.of(refuse(display, m.line(), "\\g with an output file or options"));
            }
            boolean relative = name.equals("ir") || name.equals("include_relative");
            if (relative || name.equals("i") || name.equals("include")) {
                List<String> args = PsqlMetaArgs.parse(m.args(), null);
                if (!args.isEmpty() && !args.get(0).contains(":")) {
                    Optional<String> inner = check(cwd, includePath(display, args.get(0), relative), seen);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
    }

    private static String refuse(String display, int line, String what) {
        return display + ":" + line + ": " + what + " is not supported by the in-process script runner;"
                + " run the scripts through psql instead: set engine.pg.client (or -Dsqlitch.client) to psql"
                + " (sqitch engine alter pg --client psql)";
    }

    /** Where {@code \i} (relative to the working directory) or {@code \ir} (to the including file) looks. */
    static String includePath(String includingDisplay, String name, boolean relative) {
        if (!relative || name.startsWith("/")) {
            return name;
        }
        Path parent = Path.of(includingDisplay).getParent();
        return parent == null ? Path.of(name).normalize().toString() : parent.resolve(name).normalize().toString();
    }
}
