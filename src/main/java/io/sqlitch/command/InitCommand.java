package io.sqlitch.command;

import io.sqlitch.console.Output;
import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.ConfigFile;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.plan.Names;
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

/** {@code sqitch init}: writes {@code sqitch.conf} (if absent), the plan file and the script directories. */
public final class InitCommand implements Command<InitOptions, Void> {

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

    private final RunContext ctx;
    private final Output out;

    // Only the process and the output: the command reads and writes the configuration files themselves.
    public InitCommand(CommandContext context) {
        this.ctx = context.run();
        this.out = context.out();
    }

    @Override
    public CommandResult<Void> execute(InitOptions opts) {
        TargetConfigSupport support = TargetConfigSupport.of(ctx, out, opts.properties(), opts.engine());
        if (support.props.containsKey("engine")) {
            TargetConfigSupport.checkEngine(support.props.get("engine"));
        }
        if (opts.project() == null || opts.project().isEmpty()) {
            throw new SqitchException(USAGE);
        }
        Names.checkProjectNameForInit(opts.project());
        SqitchConfig config = SqitchConfig.load(ctx);
        Target target = support.configTarget(config, null, null);
        writeConfig(support, opts, target);
        support.writePlan(config, opts.project(), opts.uri(), target);
        support.makeDirectories(target);
        return CommandResult.ok();
    }

    private void writeConfig(TargetConfigSupport support, InitOptions opts, Target target) {
        Map<String, String> props = support.props;
        ConfigFile cf = support.localFile();
        if (Files.isRegularFile(cf.path())) {
            return;
        }
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
        for (Map.Entry<String, String> v : opts.properties().variables().entrySet()) {
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
        out.info("Created " + support.localFileName());
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
}
