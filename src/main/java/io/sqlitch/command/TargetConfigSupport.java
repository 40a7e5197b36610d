package io.sqlitch.command;

import io.sqlitch.console.Output;
import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.ConfigFile;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.plan.Uris;
import io.sqlitch.target.PathText;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.target.Targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What init, target and engine share (Sqitch's Role::TargetConfigCommand): properties, plan, directories. */
final class TargetConfigSupport {

    /** The engines Sqitch 1.3.1 knows. */
    static final List<String> ENGINES = List.of("pg", "sqlite", "mysql", "oracle", "firebird", "vertica",
            "exasol", "snowflake");

    static final List<String> DIR_KEYS = List.of("deploy", "revert", "verify", "reworked",
            "reworked_deploy", "reworked_revert", "reworked_verify");

    private final RunContext ctx;
    private final Output out;
    /** Property name (engine, target, uri, plan_file, registry, client, extension, top_dir, X_dir) → value. */
    final Map<String, String> props;
    final Map<String, String> variables;

    TargetConfigSupport(RunContext ctx, Output out, Map<String, String> given, Map<String, String> dirs,
                        Map<String, String> variables) {
        this.ctx = ctx;
        this.out = out;
        this.variables = variables;
        List<String> unknown = new ArrayList<>();
        for (String key : dirs.keySet()) {
            if (!DIR_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new SqitchException((unknown.size() == 1 ? "Unknown directory name: " : "Unknown directory names: ")
                    + String.join(", ", unknown));
        }
        Map<String, String> p = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                p.put(k, k.equals("plan_file") || k.equals("top_dir") ? PathText.clean(v) : v);
            }
        });
        dirs.forEach((k, v) -> p.put(k + "_dir", PathText.clean(v)));
        this.props = p;
    }

    static TargetConfigSupport of(RunContext ctx, Output out, TargetProperties t, String engine) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("engine", engine);
        given.put("target", t.target());
        given.put("uri", t.uri());
        given.put("plan_file", t.planFile());
        given.put("registry", t.registry());
        given.put("client", t.client());
        given.put("extension", t.extension());
        given.put("top_dir", t.topDir());
        return new TargetConfigSupport(ctx, out, given, t.dirs(), t.variables());
    }

    /** A required action argument: Sqitch answers a missing one with the verb's usage. */
    static void require(String arg, String usage) {
        if (arg == null || arg.isEmpty()) {
            throw new SqitchException(usage);
        }
    }

    /**
     * The list action of target and engine: the name of each section whose {@code prefix + name + suffix} key
     * matches {@code keyRegex}, followed by a tab and the key's value when verbose.
     */
    static void listSections(RunContext ctx, Output out, String keyRegex, String prefix, String suffix,
                             boolean verbose) {
        SqitchConfig config = SqitchConfig.load(ctx);
        for (Map.Entry<String, List<String>> e : config.matching(keyRegex, null, null).entrySet()) {
            String name = e.getKey().substring(prefix.length(), e.getKey().length() - suffix.length());
            String value = e.getValue().get(e.getValue().size() - 1);
            out.emit(verbose ? name + "\t" + value : name);
        }
    }

    static void checkEngine(String engine) {
        if (!ENGINES.contains(engine)) {
            throw new SqitchException("Unknown engine \"" + engine + "\"");
        }
    }

    TargetOptions overrides() {
        Map<String, String> dirs = new LinkedHashMap<>();
        for (String k : DIR_KEYS) {
            if (props.containsKey(k + "_dir")) {
                dirs.put(k, props.get(k + "_dir"));
            }
        }
        return TargetOptions.builder().planFile(props.get("plan_file")).topDir(props.get("top_dir"))
                .registry(props.get("registry")).client(props.get("client")).extension(props.get("extension"))
                .dirs(dirs).build();
    }

    /** The config key/value pairs for the properties under a prefix (Sqitch's {@code config_params}). */
    List<String[]> configParams(String key) {
        List<String[]> vars = new ArrayList<>();
        for (String name : List.of("uri", "target", "registry", "client", "top_dir", "plan_file", "extension",
                "deploy_dir", "revert_dir", "verify_dir", "reworked_dir", "reworked_deploy_dir",
                "reworked_revert_dir", "reworked_verify_dir")) {
            if (props.containsKey(name)) {
                vars.add(new String[] {key + "." + name, props.get(name)});
            }
        }
        variables.forEach((k, v) -> vars.add(new String[] {key + ".variables." + k, v}));
        return vars;
    }

    /** TargetConfigCommand's {@code config_target}. */
    Target configTarget(SqitchConfig config, String givenName, String givenEngine) {
        Targets targets = new Targets(config, ctx);
        TargetOptions o = overrides();
        String name = givenName != null && !givenName.isEmpty() ? givenName : props.get("target");
        String engine = givenEngine != null && !givenEngine.isEmpty() ? givenEngine : props.get("engine");
        if (name != null) {
            if (!name.contains(":") && config.get("target." + name + ".uri").filter(s -> !s.isEmpty()).isEmpty()) {
                String e = engine != null ? engine : config.get("core.engine").filter(s -> !s.isEmpty())
                        .orElseThrow(() -> new SqitchException("No engine specified; specify via target or core.engine"));
                return targets.withNameAndUri(name, "db:" + e + ":", o);
            }
            return targets.named(name, o);
        }
        if (engine != null) {
            String n = config.get("engine." + engine + ".target").filter(s -> !s.isEmpty())
                    .or(() -> config.get("core.target").filter(s -> !s.isEmpty())).orElse("db:" + engine + ":");
            return targets.named(n, o);
        }
        Target def = targets.defaultTarget(TargetOptions.none());
        return targets.withNameAndUri(def.name(), def.uri().text(), o);
    }

    /** The local config file name as Sqitch shows it: {@code SQITCH_CONFIG} or {@code sqitch.conf}. */
    String localFileName() {
        return ctx.env("SQITCH_CONFIG").map(PathText::clean).orElse("sqitch.conf");
    }

    /**
     * The add action of target and engine once the section is known to be new: {@code key.firstKey} set to
     * {@code firstValue} in the local file, then the section's parameters (engine: all but that key; target: all,
     * so {@code --uri} wins over the positional URI, as in Sqitch), then the target's plan file and directories.
     */
    void addSection(SqitchConfig config, String key, String firstKey, String firstValue, boolean paramsOverride,
                    String targetName, String engine) {
        ConfigFile cf = localFile();
        cf.set(key + "." + firstKey, firstValue);
        for (String[] kv : configParams(key)) {
            if (paramsOverride || !kv[0].equals(key + "." + firstKey)) {
                cf.set(kv[0], kv[1]);
            }
        }
        Target target = configTarget(SqitchConfig.load(ctx), targetName, engine);
        writePlan(config, null, null, target);
        makeDirectories(target);
    }

    /**
     * The alter action of target and engine once the section is known to exist: its parameters written to the
     * local file, then the script directories of the target it now configures created.
     */
    void alterSection(String key, String targetName, String engine) {
        ConfigFile cf = localFile();
        for (String[] kv : configParams(key)) {
            cf.set(kv[0], kv[1]);
        }
        makeDirectories(configTarget(SqitchConfig.load(ctx), targetName, engine));
    }

    ConfigFile localFile() {
        String name = localFileName();
        return new ConfigFile(ctx.resolve(name), name);
    }

    /**
     * Renames the local section {@code kind.old} and its {@code .variables} subsection to {@code kind.now}, or
     * removes both when {@code now} is null: {@code target rename/remove} and {@code engine remove}.
     */
    void renameSection(String kind, String old, String now) {
        ConfigFile cf = localFile();
        try {
            cf.renameSection(kind + "." + old, now == null ? null : kind + "." + now);
        } catch (SqitchException e) {
            if (e.getMessage().startsWith("No such section")) {
                throw new SqitchException("Unknown " + kind + " \"" + old + "\"");
            }
            throw e;
        }
        if (!Files.isRegularFile(cf.path())) {
            // Config::GitLike does nothing when the file is missing; Sqitch then reports no error either.
            return;
        }
        try {
            cf.renameSection(kind + "." + old + ".variables", now == null ? null : kind + "." + now + ".variables");
        } catch (SqitchException e) {
            if (!e.getMessage().startsWith("No such section")) {
                throw e;
            }
        }
    }

    /**
     * TargetConfigCommand's {@code write_plan}: creates the target's plan file unless it exists for the same
     * project; without a project, copies project and URI from the default target's or this target's plan.
     */
    void writePlan(SqitchConfig config, String project, String uri, Target target) {
        String fileName = target.planFile();
        if (project == null || project.isEmpty() || uri == null || uri.isEmpty()) {
            String[] def = null;
            try {
                def = planHeader(ctx.resolve(new Targets(config, ctx).defaultTarget(TargetOptions.none()).planFile()));
            } catch (SqitchException e) {
                def = null;
            }
            String[] conf = planHeader(ctx.resolve(fileName));
            if (def != null && def[0] != null) {
                project = project == null || project.isEmpty() ? def[0] : project;
                uri = uri == null || uri.isEmpty() ? def[1] : uri;
            } else if (conf != null && conf[0] != null) {
                project = project == null || project.isEmpty() ? conf[0] : project;
                uri = uri == null || uri.isEmpty() ? conf[1] : uri;
            } else if (project == null || project.isEmpty()) {
                throw new SqitchException("Missing %project pragma in " + fileName);
            }
        }
        Path file = ctx.resolve(fileName);
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new SqitchException("Cannot initialize because " + fileName + " already exists and is not a file");
            }
            String[] header = planHeader(file);
            if (header == null || header[0] == null) {
                throw new SqitchException("Cannot initialize because " + fileName
                        + " already exists and is not a valid plan file");
            }
            if (!header[0].equals(project)) {
                throw new SqitchException("Cannot initialize because project \"" + header[0]
                        + "\" already initialized in " + fileName);
            }
            return;
        }
        if (!Files.isDirectory(file.getParent())) {
            int slash = fileName.lastIndexOf('/');
            mkdirs(List.of(slash < 0 ? "." : fileName.substring(0, slash)));
        }
        String text = "%syntax-version=1.0.0\n%project=" + project + "\n"
                + (uri == null || uri.isEmpty() ? "" : "%uri=" + Uris.canonical(uri) + "\n") + "\n";
        ConfigFile.writeAtomically(file, text);
        out.info("Created " + fileName);
    }

    /**
     * The {@code %project} and {@code %uri} pragmas of a plan file ({@code [project, uri]}, project null when
     * absent), or null when the file cannot be read. A header scan only: the plan parser lives elsewhere.
     */
    static String[] planHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String project = null;
        String uri = null;
        try {
            Pattern pragma = Pattern.compile("^\\h*%\\h*(\\w[\\w-]*)\\h*=\\h*(.*?)\\h*(?:#.*)?$");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = pragma.matcher(line);
                if (m.find()) {
                    if (m.group(1).equals("project")) {
                        project = m.group(2);
                    } else if (m.group(1).equals("uri")) {
                        uri = m.group(2);
                    }
                } else if (!line.isBlank() && !line.trim().startsWith("#")) {
                    break;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return new String[] {project, uri};
    }

    /** TargetConfigCommand's {@code directories_for} + {@code mkdirs}. */
    void makeDirectories(Target target) {
        Set<String> dirs = new LinkedHashSet<>();
        String top = props.get("top_dir");
        for (String s : List.of("deploy", "revert", "verify")) {
            // Sqitch looks up "deploy_deploy" here (a typo), so --dir deploy=x is ignored when --top-dir is given.
            dirs.add(top != null ? PathText.join(top, s) : props.getOrDefault(s + "_dir", dirOf(target, s)));
        }
        String reworked = props.getOrDefault("reworked_dir", top);
        for (String s : List.of("deploy", "revert", "verify")) {
            String given = props.get("reworked_" + s + "_dir");
            if (reworked != null) {
                dirs.add(given != null ? given : PathText.join(reworked, s));
            } else {
                dirs.add(given != null ? given : dirOf(target, "reworked_" + s));
            }
        }
        mkdirs(new ArrayList<>(dirs));
    }

    private static String dirOf(Target t, String name) {
        return switch (name) {
            case "deploy" -> t.deployDir();
            case "revert" -> t.revertDir();
            case "verify" -> t.verifyDir();
            case "reworked_deploy" -> t.reworkedDeployDir();
            case "reworked_revert" -> t.reworkedRevertDir();
            default -> t.reworkedVerifyDir();
        };
    }

    void mkdirs(List<String> dirs) {
        for (String d : dirs) {
            Path p = ctx.resolve(d);
            if (Files.isDirectory(p)) {
                continue;
            }
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new SqitchException("Error creating " + d + ": " + e.getMessage(), e);
            }
            out.info("Created " + d + "/");
        }
    }

    /** The show output shared by target and engine: {@code first} is the URI (target) or Target (engine) line. */
    static void show(Output out, String header, String firstLabel, String firstValue, Target t) {
        String[] labels = {firstLabel, "Registry", "Client", "Top Directory", "Plan File", "Extension",
            "  Deploy", "  Revert", "  Verify", "  Reworked"};
        int len = 0;
        for (String l : labels) {
            len = Math.max(len, l.length());
        }
        final int width = len;
        java.util.function.Function<String, String> label = l -> l + ": " + " ".repeat(width - l.length());
        out.emit("* " + header);
        out.emit("    " + label.apply(firstLabel) + firstValue);
        out.emit("    " + label.apply("Registry") + t.registry());
        out.emit("    " + label.apply("Client") + t.client());
        out.emit("    " + label.apply("Top Directory") + t.topDir());
        out.emit("    " + label.apply("Plan File") + t.planFile());
        out.emit("    " + label.apply("Extension") + t.extension());
        out.emit("    Script Directories:");
        out.emit("    " + label.apply("  Deploy") + t.deployDir());
        out.emit("    " + label.apply("  Revert") + t.revertDir());
        out.emit("    " + label.apply("  Verify") + t.verifyDir());
        out.emit("    Reworked Script Directories:");
        out.emit("    " + label.apply("  Reworked") + t.reworkedDir());
        out.emit("    " + label.apply("  Deploy") + t.reworkedDeployDir());
        out.emit("    " + label.apply("  Revert") + t.reworkedRevertDir());
        out.emit("    " + label.apply("  Verify") + t.reworkedVerifyDir());
        Map<String, String> vars = t.variables();
        if (vars.isEmpty()) {
            out.emit("    No Variables");
        } else {
            int vlen = vars.keySet().stream().mapToInt(String::length).max().orElse(0);
            out.emit("    Variables:");
            vars.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(k ->
                    out.emit("  " + k + ": " + " ".repeat(vlen - k.length()) + vars.get(k)));
        }
    }
}
