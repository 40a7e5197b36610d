package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.config.Identity;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanWriter;
import io.sqlitch.plan.Planner;
import io.sqlitch.plan.Tag;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sqitch rework}: appends a new instance of a change, keeping the previous instance's scripts as
 * {@code name@tag} copies in the reworked directories; the old deploy script becomes the new revert script.
 */
public final class ReworkCommand implements Command<ReworkOptions, Void> {

    static final String USAGE = """
            Usage:
                  sqitch rework [options] changename
            
            Options:
                    -c --change --change-name <name>   name of the change to rework
                    -r --requires             <change> require change
                    -x --conflicts            <change> declare conflicting change
                    -n --note                 <note>   a note describing the change
                    -a --all                           rework the change in all plans in the project
                    -e --edit --open-editor            open change scripts in an editor
                       --no-edit --no-open-editor      do not open the change scripts in an editor
                    -f --plan-file            <file>   path to a deployment plan file
            """;

    private final CommandContext ctx;

    public ReworkCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** One copy: {@code src} to {@code dest}, done only when {@code orig} exists (by then). */
    private record Copy(String src, String dest, String orig) {
    }

    @Override
    public CommandResult<Void> execute(ReworkOptions opts) {
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "rework", ctx.options(), opts.args(),
                Arrays.asList(AddCommand.emptyToNull(opts.changeName())), null, opts.all());
        String name = parsed.names().get(0);
        if (name == null) {
            throw new SqitchException(USAGE);
        }
        String note = String.join("\n\n", opts.notes());
        Identity id = ctx.identity();
        Planner planner = new Planner(id.name(), id.email());
        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, Target> planTargets = new LinkedHashMap<>();
        Map<String, List<Copy>> copies = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Target target : parsed.targets()) {
            String key = target.planFile();
            if (plans.containsKey(key)) {
                continue;
            }
            new ScriptFiles(target, ctx.run().directory()).requireInside(ctx.plan(target).changes());
            Plan plan = PlanWriter.reworkChange(ctx.plan(target), name, opts.requires(), opts.conflicts(), note,
                    planner, ctx.run().clock().instant());
            plans.put(key, plan);
            planTargets.put(key, target);
            Change reworked = plan.lastChange().orElseThrow();
            List<Tag> lastTags = plan.lastTaggedChange().orElseThrow().tags();
            Change prev = plan.get(name + lastTags.get(lastTags.size() - 1).formatName()).orElseThrow();
            ScriptFiles sf = new ScriptFiles(target, ctx.run().directory());
            List<Copy> list = new ArrayList<>();
            for (Copy c : List.of(new Copy(sf.deploy(reworked), sf.deploy(prev), null),
                    new Copy(sf.revert(reworked), sf.revert(prev), null),
                    new Copy(sf.verify(reworked), sf.verify(prev), null))) {
                if (seen.add(c.src())) {
                    if (Files.exists(ctx.path(c.src()))) {
                        files.add(c.src());
                    }
                    list.add(c);
                }
            }
            if (seen.add(sf.revert(prev))) {
                list.add(new Copy(sf.deploy(reworked), sf.revert(reworked), sf.revert(prev)));
            }
            copies.put(key, list);
        }
        for (Map.Entry<String, Plan> e : plans.entrySet()) {
            for (Copy c : copies.get(e.getKey())) {
                copy(c);
            }
            AddCommand.writePlanOfAdded(ctx, e.getValue(), planTargets.get(e.getKey()), ".");
        }
        ctx.out().info(files.size() == 1 ? "Modify this file as appropriate:" : "Modify these files as appropriate:");
        files.forEach(f -> ctx.out().info("  * " + f));
        return CommandResult.ok();
    }

    private void copy(Copy c) {
        Path orig = ctx.path(c.orig() == null ? c.src() : c.orig());
        if (!Files.exists(orig)) {
            return;
        }
        Path src = ctx.path(c.src());
        Path dest = ctx.path(c.dest()).toAbsolutePath();
        try {
            Files.createDirectories(dest.getParent());
            Path tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".tmp");
            try {
                Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SqitchException("Cannot copy " + c.src() + " to " + c.dest() + ": " + e.getMessage(), e);
        }
    }
}
