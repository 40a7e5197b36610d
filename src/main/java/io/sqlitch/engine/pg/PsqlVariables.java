package io.sqlitch.engine.pg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * psql's variables for one script run: what Sqitch passes ({@code --set} of the user variables, then
 * {@code ON_ERROR_STOP=1} and {@code registry}), psql's own ({@code DBNAME}, {@code USER}, {@code HOST},
 * {@code PORT}, {@code ENCODING}, ...), and what the script sets. Boolean variables follow psql's rules
 * ({@code on}/{@code off}, {@code true}/{@code false}, {@code yes}/{@code no}, {@code 1}/{@code 0}, unique prefixes;
 * an empty value is on, unset is off).
 */
public final class PsqlVariables implements PsqlScanner.Variables {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Sqitch's variables for a pg script: the user's, then ON_ERROR_STOP=1 and registry, which win. */
    public static PsqlVariables forSqitch(Map<String, String> userVariables, String registry) {
        PsqlVariables v = new PsqlVariables();
        v.values.put("AUTOCOMMIT", "on");
        v.values.put("ON_ERROR_ROLLBACK", "off");
        v.values.put("QUIET", "on");
        v.values.put("ECHO", "none");
        v.values.put("SHOW_CONTEXT", "errors");
        v.values.put("VERBOSITY", "default");
        v.values.put("ENCODING", "UTF8");
        new TreeMap<>(userVariables).forEach(v.values::put);
        v.values.put("ON_ERROR_STOP", "1");
        v.values.put("registry", registry);
        return v;
    }

    /** Sqitch's variables and the built-ins psql sets on connection {@code c} made with {@code settings}. */
    static PsqlVariables connected(Connection c, PgConnectionSettings settings, Map<String, String> userVariables,
                                   String registry) throws SQLException {
        PsqlVariables vars = forSqitch(userVariables, registry);
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version'),"
                        + " current_setting('server_version_num')::int")) {
            rs.next();
            vars.connected(settings.dbName(), settings.user(), settings.hosts().get(0), settings.ports().get(0),
                    rs.getString(1), rs.getInt(2));
        }
        return vars;
    }

    /** The connection's built-ins, set once connected as psql sets them. */
    public void connected(String dbName, String user, String host, int port, String serverVersion,
                          int serverVersionNum) {
        values.put("DBNAME", dbName);
        values.put("USER", user);
        values.put("HOST", host);
        values.put("PORT", Integer.toString(port));
        values.put("SERVER_VERSION_NAME", serverVersion);
        values.put("SERVER_VERSION_NUM", Integer.toString(serverVersionNum));
    }

    @Override
    public String get(String name) {
        return values.get(name);
    }

    /** Sets a variable; for psql's boolean variables an invalid value is refused with psql's message. */
    public Optional<String> set(String name, String value) {
        if (isBooleanVariable(name) && !value.isEmpty() && parseBool(value).isEmpty()) {
            return Optional.of("unrecognized value \"" + value + "\" for \"" + name + "\": Boolean expected");
        }
        values.put(name, value);
        return Optional.empty();
    }

    public void unset(String name) {
        values.remove(name);
    }

    public Map<String, String> all() {
        return new TreeMap<>(values);
    }

    /** ON_ERROR_STOP as psql reads it: unset is off, empty is on. */
    public boolean onErrorStop() {
        String v = values.get("ON_ERROR_STOP");
        return v != null && (v.isEmpty() || parseBool(v).orElse(false));
    }

    private static boolean isBooleanVariable(String name) {
        return name.equals("ON_ERROR_STOP") || name.equals("AUTOCOMMIT") || name.equals("QUIET")
                || name.equals("SINGLELINE") || name.equals("SINGLESTEP") || name.equals("HIDE_TABLEAM");
    }

    /** psql's ParseVariableBool. */
    public static Optional<Boolean> parseBool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        int len = v.length();
        if (len == 0) {
            return Optional.empty();
        }
        if ("true".startsWith(v)) {
            return Optional.of(true);
        }
        if ("false".startsWith(v)) {
            return Optional.of(false);
        }
        if ("yes".startsWith(v)) {
            return Optional.of(true);
        }
        if ("no".startsWith(v)) {
            return Optional.of(false);
        }
        if (len >= 2 && "on".startsWith(v)) {
            return Optional.of(true);
        }
        if (len >= 2 && "off".startsWith(v)) {
            return Optional.of(false);
        }
        if (v.equals("1")) {
            return Optional.of(true);
        }
        return v.equals("0") ? Optional.of(false) : Optional.empty();
    }
}
