package io.sqlitch.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds, without running anything, the first dot-command of a script (following {@code .read}) that
 * {@link ScriptRunner} would refuse when it reached it: so that a script is refused whole, before its first
 * statement, never half applied.
 */
final class DotCommandCheck {

    private DotCommandCheck() {
    }

    /**
     * @param script   the script
     * @param loader   loads a {@code .read} path as the runner would (empty: cannot open; reported when reached)
     * @param maxDepth the shell's nesting limit (deeper reads are reported when reached)
     * @return the runner's error text for the first unsupported command, if any
     */
    static Optional<String> firstUnsupported(SqlScript script, Function<String, Optional<SqlScript>> loader,
                                             int maxDepth) {
        return check(script, loader, maxDepth);
    }

    private static Optional<String> check(SqlScript script, Function<String, Optional<SqlScript>> loader, int depth) {
        if (depth <= 0) {
            return Optional.empty();
        }
        for (SqlScript.Unit unit : script.units()) {
            if (!(unit instanceof SqlScript.CommandUnit command)) {
                continue;
            }
            List<String> args = DotCommand.arguments(command.text());
            String name = args.isEmpty() ? "" : args.get(0);
            if (!supported(DotCommand.canonical(name), args)) {
                return Optional.of("Error: " + script.name() + " line " + command.line()
                        + ": unsupported sqlite3 command \"." + name + "\"");
            }
            if (DotCommand.canonical(name).matches("quit|exit")) {
                return Optional.empty(); // the end of this input: what follows is never reached
            }
            if (DotCommand.canonical(name).equals("read") && args.size() == 2) {
                Optional<SqlScript> nested = loader.apply(args.get(1));
                if (nested.isPresent()) {
                    Optional<String> inner = check(nested.get(), loader, depth - 1);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Mirrors {@link DotCommandRunner#run}: which commands and arguments it runs rather than refuses. */
    private static boolean supported(String command, List<String> args) {
        return switch (command) {
            case "read" -> args.size() != 2 || !args.get(1).startsWith("|");
            case "print", "headers", "bail", "echo", "nullvalue" -> true;
            case "mode" -> args.size() == 2 && args.get(1).equals("csv");
            case "quit", "exit" -> args.size() == 1;
            default -> false;
        };
    }
}
