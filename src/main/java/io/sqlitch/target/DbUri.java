package io.sqlitch.target;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code db:<engine>:...} URI as URI::db reads it, kept as the text given (Sqitch shows it unchanged).
 *
 * <p>{@code db:sqlite:flipr.db} names {@code flipr.db} relative to the working directory; the authority forms
 * {@code db:sqlite:///x.db} and {@code db:sqlite://host/x.db} drop the leading slash, so they are relative too
 * (a URI::db quirk we keep); {@code db:sqlite:/abs/x.db} is absolute; {@code db:sqlite:} names no file.
 */
public record DbUri(String text) {

    /** Parses text; it need not be a db: URI ({@link #engine()} is then empty). */
    public static DbUri of(String text) {
        return new DbUri(text);
    }

    /** The engine key: {@code sqlite} for {@code db:sqlite:...}, empty for {@code db:} or a non-db URI. */
    public Optional<String> engine() {
        if (!text.startsWith("db:")) {
            return Optional.empty();
        }
        String rest = text.substring(3);
        int colon = rest.indexOf(':');
        // URI::db only knows the engine of "db:<engine>:..."; "db:sqlite" has none.
        String engine = colon < 0 ? "" : rest.substring(0, colon);
        return engine.isEmpty() ? Optional.empty() : Optional.of(canonicalEngine(engine));
    }

    /**
     * URI::db's {@code canonical_engine}: the Sqitch engine a URI scheme selects ({@code db:postgres:} and
     * {@code db:yugabyte:} select {@code pg}, {@code db:cockroachdb:} {@code cockroach}); other schemes are their own.
     */
    public static String canonicalEngine(String scheme) {
        return switch (scheme) {
            case "postgres", "postgresql", "pgsql", "pgxc", "postgresxc", "yugabyte", "yugabytedb" -> "pg";
            case "cockroachdb" -> "cockroach";
            default -> scheme;
        };
    }

    /** The text after {@code db:<engine>:} (the opaque part, with query and fragment). */
    private String opaque() {
        if (!text.startsWith("db:")) {
            return "";
        }
        int colon = text.indexOf(':', 3);
        return colon < 0 ? "" : text.substring(colon + 1);
    }

    private static int pathEnd(String opaque) {
        int q = opaque.indexOf('?');
        int h = opaque.indexOf('#');
        int end = opaque.length();
        if (q >= 0) {
            end = q;
        }
        if (h >= 0 && h < end) {
            end = h;
        }
        return end;
    }

    /** URI::db's "full" form: {@code //authority/path} (the authority may be empty). */
    private boolean isFull() {
        return opaque().matches("(?s)^//(?://|/?(?!/)).*");
    }

    /** Start of the path within the opaque part (after an authority, if any). */
    private int pathStart() {
        String o = opaque();
        if (!o.startsWith("//")) {
            return 0;
        }
        int end = pathEnd(o);
        int slash = o.indexOf('/', 2);
        return slash < 0 || slash > end ? end : slash;
    }

    /** The raw (escaped) path. */
    private String rawPath() {
        String o = opaque();
        return o.substring(pathStart(), pathEnd(o));
    }

    /** The database name (the SQLite file), unescaped; empty for {@code db:sqlite:}. */
    public Optional<String> dbName() {
        String path = rawPath();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String name = isFull() && path.startsWith("/") ? path.substring(1) : path;
        name = unescape(name);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** A copy with the database name replaced (URI::db's {@code dbname} setter); null removes it. */
    public DbUri withDbName(String dbName) {
        String path = dbName == null ? "" : (isFull() ? "/" + escape(dbName) : escape(dbName));
        return withRawPath(path);
    }

    private DbUri withRawPath(String path) {
        String o = opaque();
        String prefix = text.substring(0, text.length() - o.length());
        int start = pathStart();
        int end = pathEnd(o);
        return new DbUri(prefix + o.substring(0, start) + path + o.substring(end));
    }

    /**
     * The registry URI for a registry name (Sqitch's SQLite {@code registry_uri}): an absolute registry is the
     * file itself; otherwise the last path segment's base name is replaced by the registry, keeping the
     * extension (from the first dot) when the registry has no dot; no path means no file.
     */
    public DbUri registryUri(String registry) {
        if (registry.startsWith("/")) {
            return withDbName(registry);
        }
        String path = rawPath();
        if (path.isEmpty()) {
            return withDbName(null);
        }
        int slash = path.lastIndexOf('/');
        String seg = path.substring(slash + 1);
        String bn = unescape(seg);
        String replaced;
        if (registry.contains(".") || !bn.contains(".")) {
            replaced = registry;
        } else {
            replaced = replaceBaseKeepingExtension(bn, registry);
        }
        return withRawPath(path.substring(0, slash + 1) + escape(replaced));
    }

    /**
     * Sqitch's {@code s/\Q$b\E[.]$e$/$reg.$e/}: its extension {@code $e} goes into the pattern unquoted, so an
     * extension holding regex metacharacters ({@code db?x=1}) may not match itself, and the name is then kept:
     * the registry is the database file itself.
     */
    private static String replaceBaseKeepingExtension(String segment, String registry) {
        int dot = segment.indexOf('.');
        String base = segment.substring(0, dot);
        String extension = segment.substring(dot + 1);
        java.util.regex.Matcher m;
        try {
            m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(base) + "[.]" + extension + "$")
                    .matcher(segment);
        } catch (java.util.regex.PatternSyntaxException e) {
            return segment;
        }
        return m.find() ? segment.substring(0, m.start()) + registry + "." + extension : segment;
    }

    /**
     * The URI text with any password removed (Sqitch's destination display): as URI's {@code password(undef)} does,
     * the colon stays ({@code db:pg://u:@host/db}).
     */
    public String withoutPassword() {
        return text.replaceFirst("^(db:[^:]*://[^:/@]*):[^@/]*@", "$1:@");
    }

    @Override
    public String toString() {
        return text;
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    /** Escapes what URI's path setter escapes (anything outside the URI path characters). */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()/;:@&=+$,".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
