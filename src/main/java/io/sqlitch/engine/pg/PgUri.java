package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import io.sqlitch.target.DbUri;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL-family URI as URI::db reads it: {@code db:pg://user:pass@host:port/dbname?key=value&...}, or the
 * opaque form {@code db:pg:dbname}. Every part is optional and percent-decoded. The scheme decides the engine and
 * a default port ({@code yugabyte} 5433 and {@code cockroach} 26257, which URI::db always puts in the DSN).
 *
 * @param scheme   the engine word as typed ({@code pg}, {@code postgres}, {@code yugabyte}, ...)
 * @param user     the user name, if the URI has one
 * @param password the password, if the URI has one (never shown: see {@link #toString()})
 * @param host     the host, if any ({@code [::1]} without its brackets)
 * @param port     the port, if written
 * @param dbName   the database name, if any
 * @param query    the query parameters in URI order
 */
public record PgUri(String scheme, Optional<String> user, Optional<String> password, Optional<String> host,
                    Optional<Integer> port, Optional<String> dbName, List<Map.Entry<String, String>> query) {

    /** The schemes URI::db maps to Sqitch's pg engine. */
    public static final List<String> PG_SCHEMES = List.of("pg", "postgres", "postgresql", "pgsql", "pgxc",
            "postgresxc", "yugabyte", "yugabytedb");

    /** The schemes of Sqitch's cockroach engine (a pg subclass). */
    public static final List<String> COCKROACH_SCHEMES = List.of("cockroach", "cockroachdb");

    public PgUri {
        query = List.copyOf(query);
    }

    /** The Sqitch engine key for a URI scheme of this family ({@code pg} or {@code cockroach}), else empty. */
    public static Optional<String> engineOf(String scheme) {
        if (!PG_SCHEMES.contains(scheme) && !COCKROACH_SCHEMES.contains(scheme)) {
            return Optional.empty();
        }
        return Optional.of(DbUri.canonicalEngine(scheme));
    }

    /**
     * Parses {@code db:<scheme>:...}.
     *
     * @throws SqitchException naming the URI when it is not a PostgreSQL-family db: URI or its port is not a number
     */
    public static PgUri parse(String text) {
        if (!text.startsWith("db:") || text.indexOf(':', 3) < 0) {
            throw new SqitchException("Not a db: URI: " + redact(text));
        }
        int colon = text.indexOf(':', 3);
        String scheme = text.substring(3, colon);
        if (engineOf(scheme).isEmpty()) {
            throw new SqitchException("Not a PostgreSQL URI: " + redact(text));
        }
        String rest = text.substring(colon + 1);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String queryText = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            queryText = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        Optional<String> host = Optional.empty();
        Optional<Integer> port = Optional.empty();
        String path = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            path = slash < 0 ? "" : rest.substring(slash + 1);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
                int c = userInfo.indexOf(':');
                user = nonEmpty(decode(c < 0 ? userInfo : userInfo.substring(0, c)));
                password = c < 0 ? Optional.empty() : nonEmpty(decode(userInfo.substring(c + 1)));
            }
            String portText = "";
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                host = nonEmpty(authority.substring(1, close < 0 ? authority.length() : close));
                String after = close < 0 ? "" : authority.substring(close + 1);
                portText = after.startsWith(":") ? after.substring(1) : "";
            } else {
                int c = authority.lastIndexOf(':');
                host = nonEmpty(decode(c < 0 ? authority : authority.substring(0, c)));
                portText = c < 0 ? "" : authority.substring(c + 1);
            }
            if (!portText.isEmpty()) {
                if (!portText.matches("[0-9]{1,5}")) {
                    throw new SqitchException("Invalid port \"" + portText + "\" in " + redact(text));
                }
                port = Optional.of(Integer.parseInt(portText));
            }
        }
        return new PgUri(scheme, user, password, host, port, nonEmpty(decode(path)), parseQuery(queryText));
    }

    private static List<Map.Entry<String, String>> parseQuery(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : text.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode((eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' '));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1).replace('+', ' '));
            out.add(Map.entry(key, value));
        }
        return out;
    }

    /** The Sqitch engine key of this URI. */
    public String engine() {
        return engineOf(scheme).orElseThrow();
    }

    /** The port URI::db puts in the DSN when none is written: 5433 for Yugabyte, 26257 for CockroachDB. */
    public Optional<Integer> schemeDefaultPort() {
        if (scheme.startsWith("yugabyte")) {
            return Optional.of(5433);
        }
        return engine().equals("cockroach") ? Optional.of(26257) : Optional.empty();
    }

    /** A query parameter's last value. */
    public Optional<String> param(String key) {
        Optional<String> found = Optional.empty();
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(key)) {
                found = Optional.of(e.getValue());
            }
        }
        return found;
    }

    /** The text with any password replaced by nothing (the colon stays, as in Sqitch's display). */
    public static String redact(String text) {
        return DbUri.of(text).withoutPassword();
    }

    @Override
    public String toString() {
        return "PgUri[scheme=" + scheme + ", user=" + user.orElse("") + ", host=" + host.orElse("") + ", port="
                + port.map(String::valueOf).orElse("") + ", dbName=" + dbName.orElse("") + ", password="
                + (password.isPresent() ? "***" : "") + "]";
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length ? Character.digit((char) bytes[i + 1], 16) : -1;
            int lo = i + 2 < bytes.length ? Character.digit((char) bytes[i + 2], 16) : -1;
            if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
