package io.sqlitch.engine.pg;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Where and as whom to connect, resolved as Sqitch + libpq resolve it: the user from {@code $SQITCH_USERNAME} else
 * the URI, the password from {@code $SQITCH_PASSWORD} else the URI; then, for whatever is still unset, the URI's
 * query parameters, the service ({@code service=} or {@code $PGSERVICE}) from the service files, the {@code PG*}
 * environment variables, libpq's defaults, and last the password file. Mapped to pgjdbc by
 * {@link #jdbcUrl()} and {@link #jdbcProperties()}. {@link #toString()} never shows the password.
 *
 * @param hosts    the host names (libpq allows a comma-separated list), never empty
 * @param ports    one port per host
 * @param dbName   the database
 * @param user     the role
 * @param password the password, if any source gave one
 * @param options  the other libpq keywords ({@code sslmode}, {@code application_name}, ...), all supported
 */
public record PgConnectionSettings(List<String> hosts, List<Integer> ports, String dbName, String user,
                                   Optional<String> password, Map<String, String> options) {

    /** libpq keywords the in-process connection maps to pgjdbc, with their environment variables. */
    static final Map<String, String> SUPPORTED = linked(
            "sslmode", "PGSSLMODE", "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY", "sslrootcert", "PGSSLROOTCERT",
            "application_name", "PGAPPNAME", "fallback_application_name", "", "connect_timeout",
            "PGCONNECT_TIMEOUT", "options", "PGOPTIONS", "target_session_attrs", "PGTARGETSESSIONATTRS",
            "gssencmode", "PGGSSENCMODE", "client_encoding", "PGCLIENTENCODING", "keepalives", "");

    public PgConnectionSettings {
        hosts = List.copyOf(hosts);
        ports = List.copyOf(ports);
        options = Map.copyOf(options);
    }

    /** Resolves a target URI in a run's environment (user names, {@code PG*} variables, home directory). */
    public static PgConnectionSettings resolve(PgUri uri, RunContext ctx, Consumer<String> warn) {
        Map<String, String> env = ctx.environment();
        Map<String, String> given = new LinkedHashMap<>();
        uri.query().forEach(e -> given.put(e.getKey(), e.getValue()));
        ctx.env("SQITCH_USERNAME").or(uri::user).ifPresent(u -> given.put("user", u));
        ctx.env("SQITCH_PASSWORD").or(uri::password).ifPresent(p -> given.put("password", p));
        uri.host().ifPresent(h -> given.put("host", h));
        uri.port().or(uri::schemeDefaultPort).ifPresent(p -> given.put("port", p.toString()));
        uri.dbName().ifPresent(d -> given.put("dbname", d));

        Optional<String> service = Optional.ofNullable(given.remove("service")).or(() -> ctx.env("PGSERVICE"));
        if (service.isPresent()) {
            Map<String, String> fromService = PgServiceFile.lookup(service.get(), serviceFiles(ctx));
            fromService.forEach(given::putIfAbsent);
        }
        for (String key : given.keySet()) {
            if (!key.equals("host") && !key.equals("port") && !key.equals("dbname") && !key.equals("user")
                    && !key.equals("password") && !key.equals("passfile") && !SUPPORTED.containsKey(key)) {
                throw new SqitchException(unsupported(key));
            }
        }
        String host = value(given, env, "host", "PGHOST").orElse("localhost");
        String user = value(given, env, "user", "PGUSER").or(() -> ctx.env("USER")).or(() -> ctx.env("LOGNAME"))
                .orElseThrow(() -> new SqitchException("could not determine the PostgreSQL user name: set PGUSER"
                        + " or put the user in the target URI"));
        String dbName = value(given, env, "dbname", "PGDATABASE").orElse(user);
        List<String> hosts = List.of(host.split(",", -1));
        for (String h : hosts) {
            if (h.startsWith("/") || h.startsWith("@")) {
                throw new SqitchException("connection to a Unix-domain socket (host \"" + h + "\") is not supported"
                        + " in-process; give a TCP host such as 127.0.0.1 in the URI or PGHOST");
            }
        }
        List<Integer> ports = ports(value(given, env, "port", "PGPORT").orElse("5432"), hosts.size());
        Map<String, String> options = new LinkedHashMap<>();
        SUPPORTED.forEach((key, var) -> value(given, env, key, var).ifPresent(v -> options.put(key, v)));
        if (options.containsKey("client_encoding")
                && !options.get("client_encoding").replace("-", "").equalsIgnoreCase("UTF8")) {
            throw new SqitchException("client_encoding \"" + options.get("client_encoding")
                    + "\" is not supported: the in-process connection speaks UTF8 only");
        }
        Optional<String> password = value(given, env, "password", "PGPASSWORD");
        if (password.isEmpty()) {
            Path passFile = value(given, env, "passfile", "PGPASSFILE").map(Path::of)
                    .orElse(ctx.userHome().resolve(".pgpass"));
            password = PgPassFile.lookup(passFile, hosts.get(0), ports.get(0).toString(), dbName, user, warn);
        }
        return new PgConnectionSettings(hosts, ports, dbName, user, password, options);
    }

    static String unsupported(String key) {
        return "connection option \"" + key + "\" is not supported by the in-process PostgreSQL connection"
                + " (supported: host, port, dbname, user, password, passfile, service, "
                + String.join(", ", SUPPORTED.keySet()) + ")";
    }

    private static List<Path> serviceFiles(RunContext ctx) {
        List<Path> files = new ArrayList<>();
        files.add(ctx.env("PGSERVICEFILE").map(ctx::resolve).orElse(ctx.userHome().resolve(".pg_service.conf")));
        // Debian's libpq is built with sysconfdir /etc/postgresql-common.
        files.add(Path.of(ctx.env("PGSYSCONFDIR").orElse("/etc/postgresql-common"), "pg_service.conf"));
        return files;
    }

    private static Optional<String> value(Map<String, String> given, Map<String, String> env, String key,
                                          String var) {
        String v = given.get(key);
        if (v != null && !v.isEmpty()) {
            return Optional.of(v);
        }
        String e = var.isEmpty() ? null : env.get(var);
        return e == null || e.isEmpty() ? Optional.empty() : Optional.of(e);
    }

    private static List<Integer> ports(String text, int hosts) {
        List<Integer> ports = new ArrayList<>();
        for (String p : text.split(",", -1)) {
            if (!p.strip().matches("[0-9]{1,5}")) {
                throw new SqitchException("invalid integer value \"" + p + "\" for connection option \"port\"");
            }
            ports.add(Integer.parseInt(p.strip()));
        }
        if (ports.size() == 1) {
            while (ports.size() < hosts) {
                ports.add(ports.get(0));
            }
        } else if (ports.size() != hosts) {
            throw new SqitchException("could not match " + ports.size() + " port numbers to " + hosts + " hosts");
        }
        return ports;
    }

    /** {@code jdbc:postgresql://host:port[,host:port]/dbname}. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i);
            url.append(i == 0 ? "" : ",").append(h.contains(":") ? "[" + h + "]" : h).append(':').append(ports.get(i));
        }
        return url.append('/').append(java.net.URLEncoder.encode(dbName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")).toString();
    }

    /** pgjdbc's properties; the password is always set (empty when none) so pgjdbc reads no file of its own. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password.orElse(""));
        p.setProperty("ApplicationName", options.getOrDefault("application_name",
                options.getOrDefault("fallback_application_name", "")));
        copy(p, "sslmode", "sslmode");
        copy(p, "sslcert", "sslcert");
        copy(p, "sslkey", "sslkey");
        copy(p, "sslrootcert", "sslrootcert");
        copy(p, "connect_timeout", "connectTimeout");
        copy(p, "options", "options");
        copy(p, "gssencmode", "gssEncMode");
        if (options.containsKey("keepalives")) {
            p.setProperty("tcpKeepAlive", Boolean.toString(!options.get("keepalives").equals("0")));
        }
        if (options.containsKey("target_session_attrs")) {
            p.setProperty("targetServerType", switch (options.get("target_session_attrs")) {
                case "read-write", "primary" -> "primary";
                case "read-only", "standby" -> "secondary";
                case "prefer-standby" -> "preferSecondary";
                default -> "any";
            });
        }
        return p;
    }

    private void copy(Properties p, String key, String jdbcKey) {
        String v = options.get(key);
        if (v != null) {
            p.setProperty(jdbcKey, v);
        }
    }

    @Override
    public String toString() {
        return "PgConnectionSettings[hosts=" + hosts + ", ports=" + ports + ", dbName=" + dbName + ", user=" + user
                + ", password=" + (password.isPresent() ? "***" : "(none)") + ", options=" + options + "]";
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
