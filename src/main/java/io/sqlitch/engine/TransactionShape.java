package io.sqlitch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a script handles transactions, which decides whether the deploy engine may run its body inside the
 * engine's own transaction (so that the registry rows and the change commit together).
 */
public enum TransactionShape {
    /** No transaction statements at all. */
    NONE,
    /** Exactly one BEGIN first and one COMMIT/END last, around everything else. */
    WRAPPED,
    /** Anything else: several transactions, ROLLBACK, savepoints, PRAGMAs or commands that cannot be wrapped. */
    OTHER;

    /** PRAGMAs that are no-ops or errors inside a transaction. */
    private static final Set<String> OUTSIDE_TRANSACTION_PRAGMAS = Set.of("FOREIGN_KEYS", "JOURNAL_MODE",
            "LOCKING_MODE", "PAGE_SIZE", "AUTO_VACUUM", "SYNCHRONOUS", "WAL_CHECKPOINT", "TEMP_STORE",
            "DEFER_FOREIGN_KEYS", "LEGACY_ALTER_TABLE", "ENCODING", "INCREMENTAL_VACUUM");

    /** Dot-commands that neither touch the database nor change how later input runs. */
    static final Set<String> HARMLESS_COMMANDS = Set.of("print", "headers", "mode", "bail", "echo",
            "nullvalue");

    /** One SQL statement of a script: the unit it is in, its index among the unit's statements, its words. */
    record Position(int unit, int piece, List<String> words) {
    }

    /** Statements that end, nest or escape a transaction: a script that has one cannot be wrapped in ours. */
    private static final Set<String> UNWRAPPABLE = Set.of("ROLLBACK", "SAVEPOINT", "RELEASE", "VACUUM", "ATTACH",
            "DETACH");

    static TransactionShape of(SqlScript script) {
        List<Position> statements = statements(script, 4);
        if (statements == null) {
            return OTHER;
        }
        int begins = 0;
        int commits = 0;
        for (Position s : statements) {
            String first = first(s);
            if (first.equals("BEGIN")) {
                begins++;
            } else if (first.equals("COMMIT") || first.equals("END")) {
                commits++;
            } else if (forbidsWrapping(s)) {
                return OTHER;
            }
        }
        if (begins == 0 && commits == 0) {
            return NONE;
        }
        if (begins == 1 && commits == 1 && isBegin(statements.get(0))
                && isCommit(statements.get(statements.size() - 1))) {
            return WRAPPED;
        }
        return OTHER;
    }

    /** The script's own BEGIN and COMMIT statements when it is {@link #WRAPPED}. */
    static List<Position> wrapper(SqlScript script) {
        List<Position> all = statements(script, 1);
        return List.of(all.get(0), all.get(all.size() - 1));
    }

    /**
     * A verify script's usual form, {@code BEGIN; ...; ROLLBACK;}: its BEGIN and final ROLLBACK when the script is
     * exactly that with nothing transactional in between (so that it can run inside a savepoint that the caller
     * rolls back instead); empty otherwise.
     */
    static List<Position> rolledBackWrapper(SqlScript script) {
        List<Position> all = statements(script, 4);
        if (all == null || all.size() < 2 || !isBegin(all.get(0))) {
            return List.of();
        }
        List<String> last = all.get(all.size() - 1).words();
        boolean plainRollback = !last.isEmpty() && last.get(0).equals("ROLLBACK") && !last.contains("TO");
        if (!plainRollback) {
            return List.of();
        }
        for (Position s : all.subList(1, all.size() - 1)) {
            if (isBegin(s) || isCommit(s) || forbidsWrapping(s)) {
                return List.of();
            }
        }
        return List.of(all.get(0), all.get(all.size() - 1));
    }

    /**
     * The script's SQL statements, each with its first {@code words} words; null when the script has a
     * dot-command that is not {@link #HARMLESS_COMMANDS harmless}.
     */
    private static List<Position> statements(SqlScript script, int words) {
        List<Position> all = new ArrayList<>();
        List<SqlScript.Unit> units = script.units();
        for (int u = 0; u < units.size(); u++) {
            SqlScript.Unit unit = units.get(u);
            if (unit instanceof SqlScript.CommandUnit command) {
                List<String> args = DotCommand.arguments(command.text());
                if (args.isEmpty() || !HARMLESS_COMMANDS.contains(DotCommand.canonical(args.get(0)))) {
                    return null;
                }
            } else if (unit instanceof SqlScript.SqlUnit sql) {
                List<int[]> pieces = SqlLexer.statements(sql.sql());
                for (int p = 0; p < pieces.size(); p++) {
                    int[] r = pieces.get(p);
                    all.add(new Position(u, p, SqlLexer.words(sql.sql().substring(r[0], r[1]), words)));
                }
            }
        }
        return all;
    }

    /** An {@link #UNWRAPPABLE} statement, or a PRAGMA that does nothing or fails inside a transaction. */
    private static boolean forbidsWrapping(Position p) {
        List<String> w = p.words();
        String first = first(p);
        if (first.equals("PRAGMA")) {
            String name = w.size() >= 4 && w.get(2).equals(".") ? w.get(3) : w.size() > 1 ? w.get(1) : "";
            return OUTSIDE_TRANSACTION_PRAGMAS.contains(name);
        }
        return UNWRAPPABLE.contains(first);
    }

    private static String first(Position p) {
        return p.words().isEmpty() ? "" : p.words().get(0);
    }

    private static boolean isBegin(Position p) {
        return !p.words().isEmpty() && p.words().get(0).equals("BEGIN");
    }

    private static boolean isCommit(Position p) {
        return !p.words().isEmpty() && (p.words().get(0).equals("COMMIT") || p.words().get(0).equals("END"));
    }
}
