package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.target.DbUri;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.target.Targets;

import java.util.List;

/** {@code sqitch engine}: list, add, alter, remove/rm and show engine sections in the local config file. */
public final class EngineCommand extends SectionCommand {

    static final String USAGE = """
            Usage:
                  sqitch engine
                  sqitch engine [-v | --verbose]
                  sqitch engine add <name> [engine-options]
                  sqitch engine alter <name> [engine-options]
                  sqitch engine remove <name>
                  sqitch engine show <name>
            
            Options:
                    -v, --verbose               be verbose; must be placed before an action
                    --target     <target>       database target
                    --registry   <registry>     registry schema or database
                    --client     <path>         path to engine command-line client
                 -f --plan-file  <file>         path to deployment plan file
                    --top-dir    <dir>          path to directory with plan and scripts
                    --extension  <ext>          change script file name extension
                    --dir        <name>=<path>  path to named directory
                    -s --set     <key=value>    set a database client variable
            """;

    public EngineCommand(CommandContext context) {
        super(context, "engine", USAGE);
    }

    @Override
    protected void list(boolean verbose) {
        String rx = String.join("|", TargetConfigSupport.ENGINES);
        TargetConfigSupport.listSections(ctx, out, "^engine[.](?:" + rx + ")[.]target$", "engine.", ".target",
                verbose);
    }

    /** The engine's target: a URI of the same engine, or a configured target name. */
    private String target(TargetConfigSupport support, SqitchConfig config, String engine, String name) {
        String target = support.props.getOrDefault("target", name);
        if (target == null || target.isEmpty()) {
            return null;
        }
        if (target.contains(":")) {
            DbUri uri = DbUri.of(target.startsWith("db:") ? target : "db:" + target);
            String other = uri.engine().orElse("");
            if (!other.equals(engine)) {
                throw new SqitchException("Cannot assign URI using engine \"" + other + "\" to engine \"" + engine + "\"");
            }
            return uri.text();
        }
        if (config.get("target." + target + ".uri").filter(s -> !s.isEmpty()).isPresent()) {
            return target;
        }
        throw new SqitchException("Unknown target \"" + target + "\"");
    }

    @Override
    protected void add(TargetConfigSupport support, String engine, String targetName) {
        require(engine);
        TargetConfigSupport.checkEngine(engine);
        SqitchConfig config = SqitchConfig.load(ctx);
        String key = "engine." + engine;
        if (config.get(key + ".target").filter(s -> !s.isEmpty()).isPresent()) {
            throw new SqitchException("Engine \"" + engine + "\" already exists");
        }
        String t = target(support, config, engine, targetName);
        support.addSection(config, key, "target", t == null ? "db:" + engine + ":" : t, false, targetName, engine);
    }

    @Override
    protected void alter(TargetConfigSupport support, String engine) {
        require(engine);
        TargetConfigSupport.checkEngine(engine);
        SqitchConfig config = SqitchConfig.load(ctx);
        if (config.get("engine." + engine + ".target").filter(s -> !s.isEmpty()).isEmpty()) {
            throw new SqitchException("Missing Engine \"" + engine + "\"; use \"add " + engine + " "
                    + support.props.getOrDefault("target", "db:" + engine + ":") + "\" to add it");
        }
        if (support.props.containsKey("target")) {
            support.props.put("target", target(support, config, engine, null));
        }
        support.alterSection("engine." + engine, null, engine);
    }

    @Override
    protected void show(List<String> engines) {
        SqitchConfig config = SqitchConfig.load(ctx);
        Targets targets = new Targets(config, ctx);
        for (String engine : engines) {
            String name = config.get("engine." + engine + ".target").filter(s -> !s.isEmpty()).orElse("db:" + engine);
            Target t = targets.named(name, TargetOptions.none());
            TargetConfigSupport.show(out, engine, "Target", name, t);
        }
    }
}
