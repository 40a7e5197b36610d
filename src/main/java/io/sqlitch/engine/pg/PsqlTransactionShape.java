package io.sqlitch.engine.pg;

import io.sqlitch.engine.TransactionShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a psql script may run inside the engine's transaction (the one-transaction path): {@link
 * TransactionShape#NONE} (no transaction statements), {@link TransactionShape#WRAPPED} (one {@code BEGIN} first and
 * one {@code COMMIT} last, or for a verify script a final {@code ROLLBACK}), else {@link TransactionShape#OTHER}:
 * several transactions, savepoints, {@code BEGIN} with options, statements PostgreSQL refuses in a transaction
 * block or that a transaction changes ({@code CONCURRENTLY}, {@code VACUUM}, {@code CREATE DATABASE},
 * {@code ALTER SYSTEM}, {@code ALTER TYPE … ADD VALUE}, {@code CALL}, a {@code DO} block that commits, …), and any
 * meta-command but {@code \echo}, {@code \qecho}, {@code \warn}, {@code \set} (and unset) of a lower-case name,
 * {@code \g}/{@code \gset} and, in a script without transaction statements, {@code \if}. Unsure means OTHER: the
 * script then runs as Sqitch runs it.
 */
final class PsqlTransactionShape {

    /** First words of statements that cannot run, or run differently, inside our transaction. */
    private static final Set<String> OUTSIDE = Set.of("VACUUM", "CALL", "DISCARD", "CLUSTER", "REINDEX",
            "SAVEPOINT", "RELEASE", "ABORT", "PREPARE", "CHECKPOINT", "LOAD");
    private static final Set<String> OBJECTS_OUTSIDE = Set.of("DATABASE", "TABLESPACE", "SUBSCRIPTION", "SYSTEM");
    private static final Set<String> ALLOWED_META = Set.of("echo", "qecho", "warn", "set", "unset", "g", "gset");
    private static final Pattern DO_COMMITS = Pattern.compile("(?i)\\b(COMMIT|ROLLBACK)\\b");
    private static final Pattern PSQL_SPECIAL = Pattern.compile("[A-Z][A-Z0-9_]*");

    private PsqlTransactionShape() {
    }

    /** The shape of a script's text; {@code verify} lets a final ROLLBACK close the wrapper. */
    static TransactionShape of(String text, PsqlScanner.Variables variables, boolean verify) {
        PsqlScanner scanner = new PsqlScanner(text, variables);
        List<String> kinds = new ArrayList<>();
        boolean conditional = false;
        while (true) {
            PsqlScanner.Item item = scanner.next();
            String sql = null;
            if (item instanceof PsqlScanner.Statement s) {
                sql = s.sql();
            } else if (item instanceof PsqlScanner.End end) {
                if (!end.pending().isBlank()) {
                    sql = end.pending();
                }
            } else if (item instanceof PsqlScanner.Meta m) {
                if (PsqlMetaCommands.CONDITIONALS.contains(m.name())) {
                    conditional = true;
                    continue;
                }
                if (!ALLOWED_META.contains(m.name()) || PsqlMetaArgs.hasBacktick(m.args())
                        || m.name().equals("g") && !m.args().isBlank()
                        || (m.name().equals("set") || m.name().equals("unset")) && special(m.args())) {
                    return TransactionShape.OTHER;
                }
                if ((m.name().equals("g") || m.name().equals("gset")) && !scanner.bufferEmpty()) {
                    sql = scanner.takeBuffer();
                }
            }
            if (sql != null) {
                String kind = kind(sql);
                if (kind.equals("OTHER")) {
                    return TransactionShape.OTHER;
                }
                kinds.add(kind);
            }
            if (item instanceof PsqlScanner.End) {
                break;
            }
        }
        return shape(kinds, conditional, verify);
    }

    private static TransactionShape shape(List<String> kinds, boolean conditional, boolean verify) {
        long control = kinds.stream().filter(k -> !k.isEmpty()).count();
        if (control == 0) {
            return TransactionShape.NONE;
        }
        if (conditional || control != 2 || !kinds.get(0).equals("BEGIN")) {
            return TransactionShape.OTHER;
        }
        String last = kinds.get(kinds.size() - 1);
        return last.equals("COMMIT") || verify && last.equals("ROLLBACK") ? TransactionShape.WRAPPED
                : TransactionShape.OTHER;
    }

    /** Whether the body run skips this statement: the wrapper's BEGIN and COMMIT (or a verify's ROLLBACK). */
    static boolean isWrapper(String sql) {
        return !kind(sql).isEmpty();
    }

    /**
     * {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} for a plain transaction statement, {@code OTHER} for one
     * that cannot run inside ours, empty for any other statement.
     */
    static String kind(String sql) {
        List<String> w = words(sql);
        if (w.isEmpty()) {
            return "";
        }
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        boolean plain = w.size() == 1 || w.size() == 2 && (second.equals("WORK") || second.equals("TRANSACTION"));
        switch (first) {
            case "BEGIN" -> {
                return plain ? "BEGIN" : "OTHER";
            }
            case "START" -> {
                return w.size() == 2 && second.equals("TRANSACTION") ? "BEGIN" : "OTHER";
            }
            case "COMMIT", "END" -> {
                return plain ? "COMMIT" : "OTHER";
            }
            case "ROLLBACK" -> {
                return plain ? "ROLLBACK" : "OTHER";
            }
            default -> {
                return outside(w, sql) ? "OTHER" : "";
            }
        }
    }

    private static boolean outside(List<String> w, String sql) {
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        if (OUTSIDE.contains(first) || first.startsWith(":") || w.contains("CONCURRENTLY")) {
            return true;
        }
        if ((first.equals("CREATE") || first.equals("DROP") || first.equals("ALTER"))
                && OBJECTS_OUTSIDE.contains(second)) {
            return true;
        }
        if (first.equals("SET") && (second.equals("TRANSACTION") || second.equals("SESSION")
                && w.size() > 2 && w.get(2).equals("CHARACTERISTICS"))) {
            return true;
        }
        if (first.equals("ALTER") && second.equals("TYPE")) {
            int add = w.indexOf("ADD");
            return add > 0 && add + 1 < w.size() && w.get(add + 1).equals("VALUE");
        }
        return first.equals("DO") && DO_COMMITS.matcher(sql).find();
    }

    /** {@code \set NAME}: psql's own variables (ON_ERROR_STOP, AUTOCOMMIT, …) change how the script runs. */
    private static boolean special(String args) {
        List<String> parsed = PsqlMetaArgs.parse(args, null);
        return parsed.isEmpty() || PSQL_SPECIAL.matcher(parsed.get(0)).matches();
    }

    /** The statement's words in upper case, outside quotes, dollar quotes and comments (at most 40). */
    static List<String> words(String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n && words.size() < 40) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = commentEnd(sql, i);
            } else if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end > 0 && end + 1 < n && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                i = end < 0 ? n : end + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return words;
    }

    private static int commentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** {@code $tag$} (or {@code $$}) starting at {@code i}, else null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }
}
