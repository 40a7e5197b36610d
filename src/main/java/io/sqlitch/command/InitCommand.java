package io.sqlitch.command;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.ConfigFile;
import io.sqlitch.config.SqitchConfig;
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
import java.util.regex.Pattern;

/** {@code sqitch init}: writes {@code sqitch.conf} (if absent), the plan file and the script directories. */
public final class InitCommand {

    static final String USAGE = """
            Usage:
                  sqitch init <project>
                  sqitch init <project> --uri <uri>
            
            Options:
                    --uri        <uri>          associate a URI with the project plan
                    --engine     <engine>       database engine
                    --top-dir    <dir>          path to directory with plan and scripts
                 -f --plan-file  <file>         path to deployment plan file
                    --target     <target>       database target
                    --registry   <registry>     registry schema or database
                    --client     <path>         path to engine command-line client
                    --extension  <ext>          change script file name extension
                    --dir        <name>=<path>  path to named directory
                    -s --set     <key=value>    set a database client variable
            """;

    /** The engines Sqitch 1.3.1 knows. */
    public static final List<String> ENGINES = List.of("pg", "sqlite", "mysql", "oracle", "firebird", "vertica",
            "exasol", "snowflake");

    private static final String PUNCT = "-!\"#$%&'()*+,./:;<=>?@\\[\\\\\\]^`{|}~";
    /** App::Sqitch::Plan's name_regex. */
    public static final Pattern NAME = Pattern.compile(
            "(?![" + PUNCT + "])(?:(?![~/=%^]\\p{Nd}+(?:$|\\h))[^\\h:@#\\\\])+(?<![" + PUNCT + "])\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final List<String> DIR_KEYS = List.of("deploy", "revert", "verify", "reworked",
            "reworked_deploy", "reworked_revert", "reworked_verify");

    private final RunContext ctx;
    private final Output out;

    public InitCommand(RunContext ctx, Output out) {
        this.ctx = ctx;
        this.out = out;
    }

    public void execute(InitOptions opts) {
        validate(opts);
        SqitchConfig config = SqitchConfig.load(ctx);
        Map<String, String> props = properties(opts);
        Target target = configTarget(config, opts, props);
        writeConfig(config, opts, props, target);
        writePlan(opts, target);
        makeDirectories(props, target);
    }

    private void validate(InitOptions opts) {
        if (opts.project() == null || opts.project().isEmpty()) {
            throw new SqitchException(USAGE);
        }
        if (opts.engine() != null && !opts.engine().isEmpty() && !ENGINES.contains(opts.engine())) {
            throw new SqitchException("Unknown engine \"" + opts.engine() + "\"");
        }
        List<String> unknown = new ArrayList<>();
        for (String key : opts.dirs().keySet()) {
            if (!DIR_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new SqitchException((unknown.size() == 1 ? "Unknown directory name: " : "Unknown directory names: ")
                    + String.join(", ", unknown));
        }
        if (!NAME.matcher(opts.project()).matches()) {
            throw new SqitchException("invalid project name \"" + opts.project() + "\": project names must not "
                    + "begin with punctuation, contain \"@\", \":\", \"#\", or blanks, or end in punctuation or "
                    + "digits following punctuation");
        }
    }

    /** The target-shaping properties given on the command line, cleaned like Path::Class does. */
    private static Map<String, String> properties(InitOptions opts) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "engine", opts.engine());
        put(p, "target", opts.target());
        put(p, "plan_file", opts.planFile() == null || opts.planFile().isEmpty() ? null : PathText.clean(opts.planFile()));
        put(p, "registry", opts.registry());
        put(p, "client", opts.client());
        put(p, "extension", opts.extension());
        put(p, "top_dir", opts.topDir() == null || opts.topDir().isEmpty() ? null : PathText.clean(opts.topDir()));
        opts.dirs().forEach((k, v) -> p.put(k + "_dir", PathText.clean(v)));
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.put(key, value);
        }
    }

    private TargetOptions overrides(Map<String, String> props) {
        Map<String, String> dirs = new LinkedHashMap<>();
        for (String k : DIR_KEYS) {
            if (props.containsKey(k + "_dir")) {
                dirs.put(k, props.get(k + "_dir"));
            }
        }
        return new TargetOptions(null, null, props.get("plan_file"), props.get("top_dir"), props.get("registry"),
                props.get("client"), null, props.get("extension"), dirs);
    }

    /** TargetConfigCommand's {@code config_target}. */
    private Target configTarget(SqitchConfig config, InitOptions opts, Map<String, String> props) {
        Targets targets = new Targets(config, ctx);
        TargetOptions o = overrides(props);
        String name = props.get("target");
        String engine = props.get("engine");
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

    private String localFileName() {
        return ctx.env("SQITCH_CONFIG").map(PathText::clean).orElse("sqitch.conf");
    }

    private void writeConfig(SqitchConfig config, InitOptions opts, Map<String, String> props, Target target) {
        String fileName = localFileName();
        Path file = ctx.resolve(fileName);
        if (Files.isRegularFile(file)) {
            return;
        }
        ConfigFile cf = new ConfigFile(file, fileName);
        List<String> comments = new ArrayList<>();
        boolean wrote = false;
        String ekey = props.getOrDefault("engine", target.engine().orElse(null));
        if (ekey != null) {
            cf.set("core.engine", ekey);
            wrote = true;
        } else {
            comments.add("\tengine = ");
        }
        for (String name : List.of("plan_file", "top_dir")) {
            if (props.containsKey(name)) {
                cf.set("core." + name, props.get(name));
                wrote = true;
            } else {
                comments.add("\t" + name + " = " + (name.equals("plan_file") ? target.planFile() : target.topDir()));
            }
        }
        for (String attr : List.of("extension", "deploy_dir", "revert_dir", "verify_dir", "reworked_dir",
                "reworked_deploy_dir", "reworked_revert_dir", "reworked_verify_dir")) {
            if (props.containsKey(attr)) {
                cf.set("core." + attr, props.get(attr));
                wrote = true;
            }
        }
        for (Map.Entry<String, String> v : opts.variables().entrySet()) {
            cf.set("core.variables." + v.getKey(), v.getValue());
            wrote = true;
        }
        if (!wrote) {
            comments.add(0, "[core]");
        }
        addComment(cf, comments);
        if (ekey != null) {
            comments = new ArrayList<>();
            wrote = false;
            for (String key : List.of("target", "registry", "client")) {
                if (props.containsKey(key)) {
                    cf.set("engine." + ekey + "." + key, props.get(key));
                    wrote = true;
                    continue;
                }
                String def = switch (key) {
                    case "target" -> target.name();
                    case "registry" -> target.registry();
                    default -> target.client();
                };
                comments.add("\t" + key + " = " + def);
            }
            if (!wrote) {
                comments.add(0, "[engine \"" + ekey + "\"]");
            }
            addComment(cf, comments);
        }
        String targetName = props.get("target");
        if (targetName != null && !targetName.contains(":")) {
            cf.set("target." + targetName + ".uri", target.uri().text());
        }
        out.info("Created " + fileName);
    }

    /** Config::GitLike's {@code add_comment(indented => 1)}: "# " after each line's leading blanks, appended. */
    private static void addComment(ConfigFile cf, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            text.append(line, 0, i).append("# ").append(line.substring(i)).append('\n');
        }
        cf.appendNormalized(text.toString());
    }

    private void writePlan(InitOptions opts, Target target) {
        String fileName = target.planFile();
        Path file = ctx.resolve(fileName);
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new SqitchException("Cannot initialize because " + fileName + " already exists and is not a file");
            }
            String project = planProject(file);
            if (project == null) {
                throw new SqitchException("Cannot initialize because " + fileName
                        + " already exists and is not a valid plan file");
            }
            if (!project.equals(opts.project())) {
                throw new SqitchException("Cannot initialize because project \"" + project
                        + "\" already initialized in " + fileName);
            }
            return;
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            int slash = fileName.lastIndexOf('/');
            mkdirs(List.of(slash < 0 ? "." : fileName.substring(0, slash)));
        }
        String text = "%syntax-version=1.0.0\n%project=" + opts.project() + "\n"
                + (opts.uri() == null || opts.uri().isEmpty() ? "" : "%uri=" + canonicalUri(opts.uri()) + "\n") + "\n";
        ConfigFile.writeAtomically(file, text);
        out.info("Created " + fileName);
    }

    /** The {@code %project} of an existing plan file, null when the file has none (not a valid plan). */
    private static String planProject(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var m = Pattern.compile("^\\h*%\\h*project\\h*=\\h*(\\S+)").matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** URI->canonical for common project URIs: lower-case scheme and host, default port dropped, empty path "/". */
    static String canonicalUri(String uri) {
        var m = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?(.*)$", Pattern.DOTALL).matcher(uri);
        if (!m.matches()) {
            return uri;
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (m.group(2) == null) {
            return scheme + ":" + m.group(4);
        }
        String authority = m.group(3);
        int at = authority.lastIndexOf('@');
        String userinfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        if ((scheme.equals("http") && hostPort.endsWith(":80")) || (scheme.equals("https") && hostPort.endsWith(":443"))) {
            hostPort = hostPort.substring(0, hostPort.lastIndexOf(':'));
        } else if (hostPort.endsWith(":")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        String rest = m.group(4);
        if (rest.isEmpty() && (scheme.equals("http") || scheme.equals("https"))) {
            rest = "/";
        }
        return scheme + "://" + userinfo + hostPort + rest;
    }

    /** TargetConfigCommand's {@code directories_for}. */
    private void makeDirectories(Map<String, String> props, Target target) {
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

    private void mkdirs(List<String> dirs) {
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
}
