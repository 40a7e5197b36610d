package io.sqlitch.engine;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sqlite3 dot-commands this runner implements ({@code .read}, {@code .print}, {@code .headers}, {@code .bail},
 * {@code .echo}, {@code .nullvalue}, {@code .mode csv}, {@code .quit}/{@code .exit}), with the shell's usage and
 * error lines; any other is refused as unsupported ({@link DotCommandCheck} refuses those before a script starts).
 */
final class DotCommandRunner {

    private final ShellState shell;
    /** {@code .read FILE}: false when the file cannot be opened or its input had an error. */
    private final Predicate<String> read;

    DotCommandRunner(ShellState shell, Predicate<String> read) {
        this.shell = shell;
        this.read = read;
    }

    /** A dot-command: true on success, false on error, null for ".quit"/".exit" (stop this input). */
    Boolean run(SqlScript script, SqlScript.CommandUnit unit) {
        List<String> args = DotCommand.arguments(unit.text());
        String name = args.isEmpty() ? "" : args.get(0);
        int nArg = args.size();
        switch (DotCommand.canonical(name)) {
            case "read" -> {
                if (nArg != 2) {
                    shell.error("Usage: .read FILE");
                    return false;
                }
                if (args.get(1).startsWith("|")) {
                    return unsupported(script, unit, name);
                }
                return read.test(args.get(1));
            }
            case "print" -> {
                shell.print(String.join(" ", args.subList(1, nArg)) + "\n");
                return true;
            }
            case "headers" -> {
                return setting(args, "Usage: .headers on|off", v -> shell.showHeader = v);
            }
            case "bail" -> {
                return setting(args, "Usage: .bail on|off", v -> shell.bail = v);
            }
            case "echo" -> {
                return setting(args, "Usage: .echo on|off", v -> shell.echo = v);
            }
            case "nullvalue" -> {
                if (nArg != 2) {
                    shell.error("Usage: .nullvalue STRING");
                    return false;
                }
                shell.nullValue = args.get(1);
                return true;
            }
            case "mode" -> {
                if (nArg == 2 && args.get(1).equals("csv")) {
                    shell.rowSeparator = "\r\n"; // ".mode csv" switches to CRLF rows, unlike the -csv option
                    return true;
                }
                return unsupported(script, unit, name);
            }
            case "quit", "exit" -> {
                return nArg == 1 ? null : unsupported(script, unit, name);
            }
            default -> {
                return unsupported(script, unit, name);
            }
        }
    }

    private boolean setting(List<String> args, String usage, Consumer<Boolean> set) {
        if (args.size() != 2) {
            shell.error(usage);
            return false;
        }
        Boolean value = DotCommand.booleanValue(args.get(1));
        if (value == null) {
            shell.error("ERROR: Not a boolean value: \"" + args.get(1) + "\". Assuming \"no\".");
            value = false;
        }
        set.accept(value);
        return true;
    }

    private boolean unsupported(SqlScript script, SqlScript.CommandUnit unit, String name) {
        shell.error("Error: " + script.name() + " line " + unit.line() + ": unsupported sqlite3 command \"." + name
                + "\"");
        return false;
    }
}
