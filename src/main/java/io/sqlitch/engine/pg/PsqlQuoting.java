package io.sqlitch.engine.pg;

/** libpq's PQescapeLiteral and PQescapeIdentifier, which psql uses for {@code :'v'} and {@code :"v"}. */
final class PsqlQuoting {

    private PsqlQuoting() {
    }

    /** {@code 'it''s'}; a value with a backslash becomes {@code  E'a\\b'} (with libpq's leading space). */
    static String literal(String value) {
        boolean backslash = value.indexOf('\\') >= 0;
        StringBuilder out = new StringBuilder(value.length() + 3);
        if (backslash) {
            out.append(" E");
        }
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    /** {@code "My ""Schema"""}. */
    static String identifier(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
