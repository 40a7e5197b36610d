package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.config.Identity;
import io.sqlitch.format.TemplateRenderer;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanWriter;
import io.sqlitch.plan.Planner;
import io.sqlitch.target.PathText;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code sqitch add}: appends a change to the plan of each target and creates its scripts from templates.
 *
 * <p>Everything that can fail (name, dependencies, templates, rendering) is checked before the first file is
 * written. The Maven plugin never opens an editor: no {@code --note} means an empty note.
 */
public final class AddCommand implements Command<AddOptions, Void> {

    static final String USAGE = """
            Usage:
                  sqitch add [options] [template options] <change> [<target>]
            
            Options:
                    -c --change               name of the change to add
                    -r --requires             require change
                    -x --conflicts            declare conflicting change
                    -a --all                  add change to all project plans
                    -s --set                  set a template variable
                    -n --note                 a note describing the change
            
                    -t --template             name of the templates to use
                       --template-directory   path to directory containing templates
                       --use [template=path]  path to named template
            
                       --with    [script]     create named script
                       --without [script]     do not create named script
                    -e --edit, --open-editor  open change scripts in an editor
                    -f --plan-file  <file>    path to a deployment plan file
            """;

    /** Where Debian's Sqitch keeps its system templates ({@code $(sqitch --etc-path)/templates}). */
    public static final Path SYSTEM_TEMPLATES = Path.of("/etc/sqitch/templates");
    private static final List<String> CORE_SCRIPTS = List.of("deploy", "revert", "verify");

    private final CommandContext ctx;
    private final Path systemTemplates;

    public AddCommand(CommandContext ctx) {
        this(ctx, SYSTEM_TEMPLATES);
    }

    /** With another system template directory (tests). */
    public AddCommand(CommandContext ctx, Path systemTemplates) {
        this.ctx = ctx;
        this.systemTemplates = systemTemplates;
    }

    /** A template's display name (for messages) and text. */
    record Template(String display, String text) {
    }

    /** A script file to create. */
    private record Script(String display, Path path, String text) {
    }

    @Override
    public CommandResult<Void> execute(AddOptions opts) {
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "add", ctx.options(), opts.args(),
                Arrays.asList(emptyToNull(opts.changeName())), null, opts.all());
        String name = parsed.names().get(0);
        if (name == null || name.isEmpty()) {
            for (Target t : parsed.targets()) {
                if (opts.args().contains(t.name())) {
                    throw new SqitchException("Name \"" + t.name() + "\" identifies a target; use \"--change "
                            + t.name() + "\" to use it for the change name");
                }
            }
            throw new SqitchException(USAGE);
        }
        Map<String, Template> configured = configuredTemplates(opts);
        Path templateDir = templateDirectory(opts);
        Map<String, Boolean> with = withScripts(opts);
        String note = String.join("\n\n", opts.notes());
        Identity id = ctx.identity();
        Planner planner = new Planner(id.name(), id.email());
        Map<String, Object> baseVars = new HashMap<>(ctx.config().section("add.variables"));
        opts.variables().forEach((k, v) -> baseVars.put(k, v.size() == 1 ? v.get(0) : v));

        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, Target> planTargets = new LinkedHashMap<>();
        Map<String, List<Script>> scripts = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Target target : parsed.targets()) {
            String planKey = ctx.path(target.planFile()).toString();
            Plan plan = plans.get(planKey);
            if (plan == null) {
                plan = PlanWriter.addChange(ctx.plan(target), name, opts.requires(), opts.conflicts(), note, planner,
                        ctx.run().clock().instant());
                plans.put(planKey, plan);
                planTargets.put(planKey, target);
            }
            String engine = target.engine().orElseThrow(() -> new SqitchException(
                    "No engine specified; specify via target or core.engine"));
            String templateName = opts.templateName() != null ? opts.templateName()
                    : ctx.config().get("add.template_name").orElse(engine);
            Map<String, Template> templates = allTemplates(configured, templateDir, templateName, with);
            Change change = plan.lastChange().orElseThrow();
            ScriptFiles files = new ScriptFiles(target, ctx.run().directory());
            Map<String, Object> vars = new HashMap<>(baseVars);
            vars.put("change", name);
            vars.put("engine", engine);
            vars.put("project", plan.project());
            vars.put("requires", opts.requires());
            vars.put("conflicts", opts.conflicts());
            for (Map.Entry<String, Template> e : new TreeMap<>(templates).entrySet()) {
                String script = e.getKey();
                if (!with.getOrDefault(script, true)) {
                    continue;
                }
                String display = switch (script) {
                    case "deploy" -> files.deploy(change);
                    case "revert" -> files.revert(change);
                    case "verify" -> files.verify(change);
                    default -> PathText.join(PathText.join(target.topDir(), script),
                            String.join("/", change.scriptPathSegments(target.extension(), p -> false)));
                };
                if (!seen.add(display)) {
                    continue;
                }
                scripts.computeIfAbsent(planKey, k -> new ArrayList<>())
                        .add(new Script(display, ctx.path(display), render(e.getValue(), vars)));
            }
        }

        for (Map.Entry<String, Plan> e : plans.entrySet()) {
            writeScripts(scripts.getOrDefault(e.getKey(), List.of()));
            writePlanOfAdded(ctx, e.getValue(), planTargets.get(e.getKey()), "");
        }
        return CommandResult.ok();
    }

    /**
     * Writes {@code plan}, whose last change was just added (by add or rework), and says so as Sqitch does:
     * {@code Added "name [deps]" to sqitch.plan} then {@code end} (rework's ".").
     */
    static void writePlanOfAdded(CommandContext ctx, Plan plan, Target target, String end) {
        PlanWriter.write(plan, ctx.path(target.planFile()));
        ctx.planChanged(target);
        Change change = plan.lastChange().orElseThrow();
        ctx.out().info("Added \"" + change.operator() + change.formatNameWithDependencies() + "\" to "
                + plan.file() + end);
    }

    private void writeScripts(List<Script> scripts) {
        for (Script script : scripts) {
            if (Files.exists(script.path())) {
                ctx.out().info("Skipped " + script.display() + ": already exists");
                continue;
            }
            try {
                Files.createDirectories(script.path().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new SqitchException("Error creating " + script.path().getParent() + ": " + e.getMessage(), e);
            }
            PlanWriter.writeAtomically(script.path(), script.text());
            ctx.out().info("Created " + script.display());
        }
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code --with}/{@code --without}: deploy, revert and verify default to on. */
    private static Map<String, Boolean> withScripts(AddOptions opts) {
        Map<String, Boolean> with = new HashMap<>();
        CORE_SCRIPTS.forEach(s -> with.put(s, true));
        opts.with().forEach(s -> with.put(s, true));
        opts.without().forEach(s -> with.put(s, false));
        return with;
    }

    /** {@code add.templates.<script>} config, overridden by {@code --use}; each must be an existing file. */
    private Map<String, Template> configuredTemplates(AddOptions opts) {
        Map<String, String> paths = new LinkedHashMap<>(ctx.config().section("add.templates"));
        Map<String, Template> templates = new HashMap<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            templates.put(e.getKey(), checkedTemplate(e.getValue()));
        }
        for (Map.Entry<String, String> e : opts.use().entrySet()) {
            templates.put(e.getKey(), checkedTemplate(e.getValue()));
        }
        return templates;
    }

    private Template checkedTemplate(String given) {
        Path file = ctx.path(given);
        String display = PathText.clean(given);
        if (!Files.exists(file)) {
            throw new SqitchException("Template " + display + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new SqitchException("Template " + display + " is not a file");
        }
        return new Template(display, slurp(file, display));
    }

    private Path templateDirectory(AddOptions opts) {
        String dir = opts.templateDirectory() != null && !opts.templateDirectory().isEmpty()
                ? opts.templateDirectory() : ctx.config().get("add.template_directory").orElse(null);
        if (dir == null || dir.isEmpty()) {
            return null;
        }
        Path path = ctx.path(dir);
        String display = PathText.clean(dir);
        if (!Files.exists(path)) {
            throw new SqitchException("Directory \"" + display + "\" does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new SqitchException("\"" + display + "\" is not a directory");
        }
        return path;
    }

    /**
     * {@code all_templates}: configured templates first, then for each script subdirectory of the template
     * directory, {@code ~/.sqitch/templates} and the system templates, {@code <script>/<name>.tmpl}; last our
     * built-in copies of Sqitch's system templates.
     */
    private Map<String, Template> allTemplates(Map<String, Template> configured, Path templateDir, String name,
                                               Map<String, Boolean> with) {
        Map<String, Template> templates = new HashMap<>(configured);
        List<Path> dirs = new ArrayList<>();
        if (templateDir != null) {
            dirs.add(templateDir);
        }
        if (ctx.run().userHome() != null) {
            dirs.add(ctx.run().userHome().resolve(".sqitch").resolve("templates"));
        }
        if (systemTemplates != null) {
            dirs.add(systemTemplates);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path sub : children) {
                    String script = sub.getFileName().toString();
                    if (!Files.isDirectory(sub) || templates.containsKey(script)) {
                        continue;
                    }
                    Path file = sub.resolve(name + ".tmpl");
                    if (Files.isRegularFile(file)) {
                        templates.put(script, new Template(file.toString(), slurp(file, file.toString())));
                    }
                }
            } catch (IOException e) {
                throw new SqitchException("Cannot open " + dir + ": " + e.getMessage(), e);
            }
        }
        for (String script : CORE_SCRIPTS) {
            if (!templates.containsKey(script)) {
                String resource = "/io/sqlitch/templates/" + script + "/" + name + ".tmpl";
                try (InputStream in = AddCommand.class.getResourceAsStream(resource)) {
                    if (in != null) {
                        templates.put(script, new Template(resource, new String(in.readAllBytes(),
                                StandardCharsets.UTF_8)));
                    }
                } catch (IOException e) {
                    throw new SqitchException("Cannot open " + resource + ": " + e.getMessage(), e);
                }
            }
            if (!templates.containsKey(script) && with.getOrDefault(script, true)) {
                throw new SqitchException("Cannot find " + script + " template");
            }
        }
        return templates;
    }

    private static String render(Template template, Map<String, Object> vars) {
        try {
            return TemplateRenderer.render(template.text(), vars);
        } catch (IllegalArgumentException e) {
            throw new SqitchException("Error executing " + template.display() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a template as strict UTF-8 (Sqitch opens it {@code <:utf8_strict}). */
    private static String slurp(Path file, String display) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new SqitchException("Cannot open " + display + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SqitchException("Cannot open " + display + ": " + e.getMessage(), e);
        }
    }
}
