package io.sqlitch.target;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.SqitchConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves targets as Sqitch's {@code App::Sqitch::Target}: the name from {@code --target}, {@code SQITCH_TARGET},
 * {@code core.target}, {@code engine.<e>.target} or {@code db:<e>:}; each attribute from the command line, then
 * {@code target.<name>.*}, {@code engine.<e>.*}, {@code core.*}, then the default.
 */
public final class Targets {

    private final SqitchConfig config;
    private final RunContext ctx;

    public Targets(SqitchConfig config, RunContext ctx) {
        this.config = config;
        this.ctx = ctx;
    }

    /**
     * The target named by {@code options.target()} (a name or a URI), else the default target.
     *
     * @throws SqitchException {@code Cannot find target "x"}, {@code No URI associated with target "x"},
     *                         {@code No engine specified; specify via target or core.engine},
     *                         {@code No project configuration found. Run the "init" command to initialize a project}
     */
    public Target resolve(TargetOptions options) {
        return build(options.target(), null, options);
    }

    /** A target by name or URI (positional target argument), with the other overrides of {@code options}. */
    public Target named(String nameOrUri, TargetOptions options) {
        return build(nameOrUri, null, options);
    }

    /**
     * Sqitch's {@code default_target} for commands that work without an engine (add, tag, plan...): when neither
     * {@code core.engine} nor {@code core.target} is set, the engineless target {@code db:}.
     */
    public Target defaultTarget(TargetOptions options) {
        if (options.target() == null && config.get("core.engine").filter(s -> !s.isEmpty()).isEmpty()
                && config.get("core.target").filter(s -> !s.isEmpty()).isEmpty()) {
            return build(null, DbUri.of("db:"), options);
        }
        return resolve(options);
    }

    /** A target with both name and URI given (Sqitch's {@code Target->new(name => ..., uri => ...)}). */
    public Target withNameAndUri(String name, String uri, TargetOptions options) {
        return build(name, DbUri.of(uri), options);
    }

    /** A target from an explicit URI (engine/target commands showing {@code db:sqlite:}). */
    public Target ofUri(String uri, TargetOptions options) {
        return build(null, DbUri.of(uri), options);
    }

    private Target build(String givenName, DbUri givenUri, TargetOptions options) {
        String name = nonEmpty(givenName).or(() -> ctx.env("SQITCH_TARGET")).orElse("");
        String ekey = null;
        DbUri uri;
        if (givenUri != null) {
            uri = givenUri;
            if (name.isEmpty()) {
                name = uri.withoutPassword();
            }
        } else {
            if (name.isEmpty()) {
                Optional<String> core = nonEmpty(config.get("core.target"));
                if (core.isPresent()) {
                    name = core.get();
                } else {
                    ekey = nonEmpty(config.get("core.engine")).map(String::stripTrailing).orElseThrow(() ->
                            new SqitchException(config.initialized()
                                    ? "No engine specified; specify via target or core.engine"
                                    : "No project configuration found. Run the \"init\" command to initialize a project"));
                    name = nonEmpty(config.get("engine." + ekey + ".target")).orElse("db:" + ekey + ":");
                }
            }
            if (name.contains(":")) {
                uri = DbUri.of(name);
                name = null;
            } else {
                String u = nonEmpty(config.get("target." + name + ".uri")).orElse(null);
                if (u == null) {
                    if (config.section("target." + name).isEmpty()) {
                        throw new SqitchException("Cannot find target \"" + name + "\"");
                    }
                    throw new SqitchException("No URI associated with target \"" + name + "\"");
                }
                uri = DbUri.of(u);
            }
            if (ekey == null && uri.engine().isEmpty()) {
                throw new SqitchException("No engine specified by URI " + uri.text()
                        + "; URI must start with \"db:$engine:\"");
            }
            if (options.dbName() != null) {
                uri = uri.withDbName(options.dbName());
            }
            if (name == null) {
                name = uri.withoutPassword();
            }
        }
        if (givenUri != null && options.dbName() != null) {
            uri = uri.withDbName(options.dbName());
        }
        Optional<String> engine = uri.engine();
        String finalName = name;
        Fetch f = key -> {
            String o = options.override(key);
            if (o != null && !o.isEmpty()) {
                return Optional.of(o);
            }
            return fetch(finalName, engine.orElse(null), key);
        };
        String topDir = PathText.clean(f.get("top_dir").orElse("."));
        String planFile = PathText.clean(f.get("plan_file").orElse(PathText.join(topDir, "sqitch.plan")));
        String reworked = PathText.clean(f.get("reworked_dir").orElse(topDir));
        String defaultRegistry = "sqitch";
        String defaultClient = engine.map(Targets::defaultClient).orElse("");
        Optional<String> configuredClient = f.get("client");
        return new Target(name, uri, engine,
                f.get("registry").orElse(defaultRegistry),
                configuredClient.orElse(defaultClient), configuredClient,
                topDir, planFile, f.get("extension").orElse("sql"),
                PathText.clean(f.get("deploy_dir").orElse(PathText.join(topDir, "deploy"))),
                PathText.clean(f.get("revert_dir").orElse(PathText.join(topDir, "revert"))),
                PathText.clean(f.get("verify_dir").orElse(PathText.join(topDir, "verify"))),
                reworked,
                PathText.clean(f.get("reworked_deploy_dir").orElse(PathText.join(reworked, "deploy"))),
                PathText.clean(f.get("reworked_revert_dir").orElse(PathText.join(reworked, "revert"))),
                PathText.clean(f.get("reworked_verify_dir").orElse(PathText.join(reworked, "verify"))),
                variables(name, engine.orElse(null)));
    }

    /** The client each engine uses by default. */
    public static String defaultClient(String engine) {
        return switch (engine) {
            case "sqlite" -> "sqlite3";
            case "pg" -> "psql";
            case "mysql" -> "mysql";
            case "oracle" -> "sqlplus";
            case "firebird" -> "isql-fb";
            case "vertica" -> "vsql";
            case "exasol" -> "exaplus";
            case "snowflake" -> "snowsql";
            default -> engine;
        };
    }

    private interface Fetch {
        Optional<String> get(String key);
    }

    /** Sqitch's {@code _fetch}: {@code target.<name>.<key>}, then {@code engine.<e>.<key>}, then {@code core.<key>}. */
    private Optional<String> fetch(String name, String engine, String key) {
        return nonEmpty(config.get("target." + name + "." + key))
                .or(() -> engine == null ? Optional.empty() : nonEmpty(config.get("engine." + engine + "." + key)))
                .or(() -> nonEmpty(config.get("core." + key)));
    }

    private Map<String, String> variables(String name, String engine) {
        Map<String, String> vars = new TreeMap<>();
        if (engine != null) {
            vars.putAll(config.section("engine." + engine + ".variables"));
        }
        vars.putAll(config.section("target." + name + ".variables"));
        return vars;
    }

    /** Perl truthiness of a config value: absent, empty and "0" are false. */
    static Optional<String> nonEmpty(Optional<String> v) {
        return v.filter(s -> !s.isEmpty() && !s.equals("0"));
    }

    static Optional<String> nonEmpty(String v) {
        return nonEmpty(Optional.ofNullable(v));
    }

    /**
     * Sqitch's {@code all_targets}: the default target, every {@code target.<name>.uri}, every
     * {@code engine.<e>.target} and a {@code db:<e>:} target for each other configured engine.
     */
    public List<Target> all() {
        Map<String, Target> seen = new LinkedHashMap<>();
        List<Target> out = new ArrayList<>();
        Map<String, List<String>> dump = config.data();
        String core = first(dump, "core.target");
        if (core == null) {
            String engine = first(dump, "core.engine");
            if (engine != null) {
                engine = engine.stripTrailing();
                core = Optional.ofNullable(first(dump, "engine." + engine + ".target")).orElse("db:" + engine + ":");
            }
        }
        if (core != null) {
            Target t = named(core, TargetOptions.none());
            seen.put(core, t);
            out.add(t);
        }
        for (String key : dump.keySet()) {
            var m = java.util.regex.Pattern.compile("^target[.]([^.]+)[.]uri$").matcher(key);
            if (m.find() && !seen.containsKey(m.group(1))) {
                Target t = named(m.group(1), TargetOptions.none());
                seen.put(m.group(1), t);
                out.add(t);
            }
        }
        for (String key : dump.keySet()) {
            var m = java.util.regex.Pattern.compile("^engine[.]([^.]+)[.]target$").matcher(key);
            if (m.find()) {
                String val = first(dump, key);
                if (!seen.containsKey(val)) {
                    Target t = named(val, TargetOptions.none());
                    seen.put(val, t);
                    out.add(t);
                }
                seen.put(m.group(1), seen.get(val));
            }
        }
        for (String key : dump.keySet()) {
            var m = java.util.regex.Pattern.compile("^engine[.]([^.]+)").matcher(key);
            if (!m.find()) {
                continue;
            }
            String engine = m.group(1).stripTrailing();
            if (seen.containsKey(engine)) {
                continue;
            }
            seen.put(engine, null);
            String uri = "db:" + engine + ":";
            if (!seen.containsKey(uri)) {
                Target t = ofUri(uri, TargetOptions.none());
                seen.put(uri, t);
                out.add(t);
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> dump, String key) {
        List<String> v = dump.get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        String s = v.get(v.size() - 1);
        return s == null || s.isEmpty() || s.equals("0") ? null : s;
    }
}
