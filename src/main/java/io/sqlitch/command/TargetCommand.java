package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.target.Targets;

import java.util.List;
import java.util.Map;

/** {@code sqitch target}: list, add, alter, remove/rm, rename and show targets in the local config file. */
public final class TargetCommand extends SectionCommand {

    static final String USAGE = """
            Usage:
                  sqitch target
                  sqitch target [-v | --verbose]
                  sqitch target add <name> <uri> [target-options]
                  sqitch target alter <name> [target-options]
                  sqitch target remove <name>
                  sqitch target rename <old> <new>
                  sqitch target show <name>
            
            Options:
                    -v, --verbose               be verbose; must be placed before an action
                    --uri        <uri>          database URI
                    --registry   <registry>     registry schema or database
                    --client     <path>         path to engine command-line client
                 -f --plan-file  <file>         path to deployment plan file
                    --top-dir    <dir>          path to directory with plan and scripts
                    --extension  <ext>          change script file name extension
                    --dir        <name>=<path>  path to named directory
                    -s --set     <key=value>    set a database client variable
            """;

    public TargetCommand(CommandContext context) {
        super(context, "target", USAGE);
    }

    @Override
    protected boolean otherAction(TargetConfigSupport support, String action, String a0, String a1) {
        if (!action.equals("rename")) {
            return false;
        }
        require(a0);
        require(a1);
        checkDependencies(a0);
        support.renameSection("target", a0, a1);
        return true;
    }

    @Override
    protected void beforeRemoving(String name) {
        checkDependencies(name);
    }

    @Override
    protected void list(boolean verbose) {
        TargetConfigSupport.listSections(ctx, out, "^target[.][^.]+[.]uri$", "target.", ".uri", verbose);
    }

    @Override
    protected void add(TargetConfigSupport support, String name, String uri) {
        if (name == null || name.isEmpty() || uri == null || uri.isEmpty()) {
            throw new SqitchException(USAGE);
        }
        SqitchConfig config = SqitchConfig.load(ctx);
        String key = "target." + name;
        if (config.get(key + ".uri").filter(s -> !s.isEmpty()).isPresent()) {
            throw new SqitchException("Target \"" + name + "\" already exists");
        }
        support.addSection(config, key, "uri", uri.startsWith("db:") ? uri : "db:" + uri, true, name, null);
    }

    @Override
    protected void alter(TargetConfigSupport support, String name) {
        require(name);
        SqitchConfig config = SqitchConfig.load(ctx);
        if (config.get("target." + name + ".uri").filter(s -> !s.isEmpty()).isEmpty()) {
            String uri = support.props.getOrDefault("uri", "$uri");
            throw new SqitchException("Missing Target \"" + name + "\"; use \"add " + name + " " + uri
                    + "\" to add it");
        }
        support.alterSection("target." + name, name, null);
    }

    private void checkDependencies(String name) {
        SqitchConfig config = SqitchConfig.load(ctx);
        List<String> deps = config.matching("^(?:core|engine[.][^.]+)[.]target$", null, null).entrySet().stream()
                .filter(e -> name.equals(e.getValue().get(e.getValue().size() - 1))).map(Map.Entry::getKey).toList();
        if (!deps.isEmpty()) {
            throw new SqitchException("Cannot rename target \"" + name + "\" because it's referenced by: "
                    + String.join(", ", deps));
        }
    }

    @Override
    protected void show(List<String> names) {
        SqitchConfig config = SqitchConfig.load(ctx);
        Targets targets = new Targets(config, ctx);
        for (String name : names) {
            Target t = targets.named(name, TargetOptions.none());
            TargetConfigSupport.show(out, name, "URI", t.uri().text(), t);
        }
    }
}
