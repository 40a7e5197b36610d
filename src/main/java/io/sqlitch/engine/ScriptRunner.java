package io.sqlitch.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs SQL scripts on a JDBC connection the way {@code sqlite3 -noheader -bail -batch -csv DB ".read 'FILE'"}
 * does: same statement boundaries, same CSV output of rows, same stop at the first error, same stderr text.
 *
 * <p>The connection must be a sqlite-jdbc connection in autocommit mode, so that a script's own
 * BEGIN/COMMIT/ROLLBACK run as written. This class reads the input (the shell's process_input(), {@code .read}
 * nesting); {@link SqlStatements} runs the SQL, {@link DotCommandRunner} the dot-commands, {@link ShellState}
 * holds the settings and output of one run, {@link ShellErrors} words the errors.
 *
 * <p>One {@code run} call is one client process: dot-command settings ({@code .headers}, {@code .echo}, ...)
 * last for that call, and a transaction the script leaves open is rolled back at its end, as closing the client
 * would. Use a connection of its own for the target database (Sqitch's registry is another connection).
 * Not thread-safe.
 */
public final class ScriptRunner {

    /** The shell's MAX_INPUT_NESTING. */
    private static final int MAX_NESTING = 25;

    private final Connection connection;
    private final Path directory;
    private final Map<String, String> variables;
    private final ShellState shell;
    private final SqlStatements statements;
    private final DotCommandRunner commands;

    private int nesting;
    /** Whether any script was run (the client would have opened, and so created, the database file). */
    private boolean used;

    /**
     * @param connection a sqlite-jdbc connection in autocommit mode
     * @param directory  the working directory: relative script paths (also in nested {@code .read}) resolve
     *                   against it, as the client's would against its current directory
     * @param variables  {@code ${name}} values (defined names only are replaced)
     * @param stdout     receives the client's stdout, one line per call without its newline
     */
    public ScriptRunner(Connection connection, Path directory, Map<String, String> variables,
            Consumer<String> stdout) {
        this.connection = connection;
        this.directory = directory;
        this.variables = Map.copyOf(variables);
        this.shell = new ShellState(stdout);
        this.statements = new SqlStatements(connection, shell);
        this.commands = new DotCommandRunner(shell, this::read);
    }

    /** Whether this runner has run any script. */
    public boolean hasRun() {
        return used;
    }

    /** Runs a file as {@code .read 'path'} would; {@code path} is shown as given in messages. */
    public ScriptResult run(String path) {
        reset();
        Optional<SqlScript> script = load(path);
        if (script.isPresent() && refusedUpFront(script.get())) {
            return shell.finish(false);
        }
        boolean ok = read(path);
        endOfProcess();
        return shell.finish(ok);
    }

    /**
     * Reads and parses a script as this runner would (path against the working directory, variables
     * substituted), for {@link SqlScript#transactionShape()} and {@link #runBody(SqlScript)}; empty when the
     * client could not open it (then {@link #run(String)} reports {@code Error: cannot open "path"}).
     */
    public Optional<SqlScript> load(String path) {
        Path file = directory.resolve(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SqlScript.read(file, path, variables));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs an already parsed script. */
    public ScriptResult run(SqlScript script) {
        reset();
        if (refusedUpFront(script)) {
            return shell.finish(false);
        }
        boolean ok = process(script, Set.of());
        endOfProcess();
        return shell.finish(ok);
    }

    /**
     * Runs the body of a {@link TransactionShape#NONE} or {@link TransactionShape#WRAPPED} script inside a
     * transaction the caller owns: the script's own BEGIN and COMMIT are skipped, everything else runs as in
     * {@link #run(SqlScript)}. The caller begins before and commits or rolls back after.
     *
     * @throws IllegalArgumentException for a script of shape {@link TransactionShape#OTHER}
     */
    public ScriptResult runBody(SqlScript script) {
        TransactionShape shape = script.transactionShape();
        if (shape == TransactionShape.OTHER) {
            throw new IllegalArgumentException("script " + script.name() + " manages its own transactions");
        }
        return runSkipping(script, shape == TransactionShape.WRAPPED ? TransactionShape.wrapper(script) : List.of());
    }

    /**
     * Whether {@link #runInside(SqlScript)} can run this script inside the caller's transaction: a script of shape
     * NONE or WRAPPED, or the usual verify form {@code BEGIN; ...; ROLLBACK;}.
     */
    public static boolean canRunInside(SqlScript script) {
        return script.transactionShape() != TransactionShape.OTHER
                || !TransactionShape.rolledBackWrapper(script).isEmpty();
    }

    /** Whether the script ends by rolling back its own work ({@code BEGIN; ...; ROLLBACK;}). */
    public static boolean discardsItsWork(SqlScript script) {
        return script.transactionShape() == TransactionShape.OTHER
                && !TransactionShape.rolledBackWrapper(script).isEmpty();
    }

    /**
     * Like {@link #runBody(SqlScript)}, and also accepts a {@code BEGIN; ...; ROLLBACK;} script, whose BEGIN and
     * ROLLBACK are skipped: the caller runs it inside a savepoint and rolls that back (see
     * {@link #discardsItsWork(SqlScript)}).
     */
    public ScriptResult runInside(SqlScript script) {
        if (script.transactionShape() != TransactionShape.OTHER) {
            return runBody(script);
        }
        List<TransactionShape.Position> wrapper = TransactionShape.rolledBackWrapper(script);
        if (wrapper.isEmpty()) {
            throw new IllegalArgumentException("script " + script.name() + " manages its own transactions");
        }
        return runSkipping(script, wrapper);
    }

    /** Runs {@code script} but the statements at {@code skipped} (its own transaction control), inside the caller's. */
    private ScriptResult runSkipping(SqlScript script, List<TransactionShape.Position> skipped) {
        Set<String> skip = new HashSet<>();
        for (TransactionShape.Position p : skipped) {
            skip.add(p.unit() + ":" + p.piece());
        }
        reset();
        if (refusedUpFront(script)) {
            return shell.finish(false);
        }
        return shell.finish(process(script, skip));
    }

    /**
     * The client exits after the script and closing its connection rolls back a transaction the script left
     * open (after a failure past its BEGIN, or a script without COMMIT): do the same on our connection.
     */
    private void endOfProcess() {
        try (PreparedStatement rollback = connection.prepareStatement("ROLLBACK")) {
            rollback.execute();
        } catch (SQLException noTransactionIsActive) {
            // the usual case: nothing was left open
        }
    }

    private void reset() {
        used = true;
        nesting = 0;
        shell.reset();
    }

    /** {@code .read FILE}: false when the file cannot be opened or its input had an error. */
    private boolean read(String path) {
        Optional<SqlScript> script = load(path);
        if (script.isEmpty()) {
            shell.error("Error: cannot open \"" + path + "\"");
            return false;
        }
        return process(script.get(), Set.of());
    }

    /** The shell's process_input(): true when no error was counted. */
    private boolean process(SqlScript script, Set<String> skip) {
        if (nesting == MAX_NESTING) {
            shell.error("Input nesting limit (" + MAX_NESTING + ") reached at line 0. Check recursion.");
            return false;
        }
        nesting++;
        try {
            int errorCount = 0;
            List<SqlScript.Unit> units = script.units();
            for (int u = 0; u < units.size() && (errorCount == 0 || !shell.bail); u++) {
                SqlScript.Unit unit = units.get(u);
                if (unit instanceof SqlScript.SkippedUnit skipped) {
                    shell.echo(skipped.text());
                } else if (unit instanceof SqlScript.CommandUnit command) {
                    shell.echo(command.text());
                    Boolean outcome = commands.run(script, command);
                    if (outcome == null) {
                        break; // .quit / .exit: the end of this input
                    }
                    if (!outcome) {
                        errorCount++;
                    }
                } else if (unit instanceof SqlScript.SqlUnit sql) {
                    shell.echo(sql.sql());
                    if (!statements.run(sql, u, skip)) {
                        errorCount++;
                    }
                }
            }
            return errorCount == 0;
        } finally {
            nesting--;
        }
    }

    /**
     * Refuses, before its first statement runs, a script (or a script it reads) using a dot-command this runner
     * does not implement: the sqlite3 client would have run the statements before it, leaving them applied but
     * unrecorded. Reports the first such command as {@link DotCommandRunner} does when reached.
     */
    private boolean refusedUpFront(SqlScript script) {
        Optional<String> refusal = DotCommandCheck.firstUnsupported(script, this::load, MAX_NESTING);
        refusal.ifPresent(shell::error);
        return refusal.isPresent();
    }
}
