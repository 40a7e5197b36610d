package io.sqlitch.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where in a statement SQLite located a prepare error: the value of {@code sqlite3_error_offset()}, which
 * the shell uses for its caret line but sqlite-jdbc does not expose. Syntax and token errors are located by
 * preparing prefixes of the statement (the parser fails on the same token in the shortest prefix that ends with
 * it); name errors at the first token spelling the name. Errors SQLite does not locate (no such table,
 * incomplete input, ...) give -1.
 */
final class ErrorLocator {

    private static final Pattern TOKEN_ERROR = Pattern.compile("(?s)(?:near|unrecognized token:) \"(.*)\"(?:: syntax error)?");
    private static final Pattern NAME_ERROR = Pattern.compile(
            "(?s)(?:no such column|no such function|ambiguous column name): ([^()]+)"
                    + "|(?:table|index|view|trigger) (.+) already exists"
                    + "|(?:wrong number of arguments to function|misuse of (?:aggregate|window) function) ([^()]+)\\(\\)");

    private ErrorLocator() {
    }

    /** The byte offset of the error in {@code statement}, or -1. */
    static int offset(Connection connection, String statement, String message) {
        Matcher token = TOKEN_ERROR.matcher(message);
        if (token.matches()) {
            String text = token.group(1);
            int first = -1;
            for (int i = statement.indexOf(text); i >= 0 && !text.isEmpty(); i = statement.indexOf(text, i + 1)) {
                if (first < 0) {
                    first = i;
                }
                if (message.equals(prepareError(connection, statement.substring(0, i + text.length())))) {
                    return bytes(statement, i);
                }
            }
            return first < 0 ? -1 : bytes(statement, first);
        }
        Matcher name = NAME_ERROR.matcher(message);
        if (name.matches()) {
            String n = name.group(1) != null ? name.group(1) : name.group(2) != null ? name.group(2) : name.group(3);
            String[] parts = n.split("\\.");
            List<SqlLexer.Token> tokens = SqlLexer.tokens(statement).stream()
                    .filter(t -> t.kind() != null && t.kind() != SqlLexer.Kind.WS).toList();
            for (int i = 0; i < tokens.size(); i++) {
                if (spells(tokens, i, parts)) {
                    return bytes(statement, tokens.get(i).start());
                }
            }
        }
        return -1;
    }

    /** Whether tokens from {@code i} spell the dotted name {@code a.b.c}. */
    private static boolean spells(List<SqlLexer.Token> tokens, int i, String[] parts) {
        for (int k = 0; k < parts.length; k++) {
            int at = i + 2 * k;
            if (at >= tokens.size() || !dequote(tokens.get(at).text()).equalsIgnoreCase(parts[k])) {
                return false;
            }
            if (k + 1 < parts.length && (at + 1 >= tokens.size() || !tokens.get(at + 1).text().equals("."))) {
                return false;
            }
        }
        return true;
    }

    private static String dequote(String token) {
        if (token.length() >= 2) {
            char c = token.charAt(0);
            char close = c == '[' ? ']' : c;
            if ((c == '"' || c == '`' || c == '[' || c == '\'') && token.charAt(token.length() - 1) == close) {
                return token.substring(1, token.length() - 1).toLowerCase(Locale.ROOT);
            }
        }
        return token;
    }

    private static String prepareError(Connection connection, String sql) {
        try (PreparedStatement ignored = connection.prepareStatement(sql)) {
            return null;
        } catch (SQLException e) {
            return ShellErrors.message(e);
        }
    }

    private static int bytes(String s, int chars) {
        return s.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }
}
