package io.sqlitch.command;

import io.sqlitch.SqitchException;
import io.sqlitch.plan.Change;
import io.sqlitch.plan.Plan;
import io.sqlitch.plan.PlanWriter;
import io.sqlitch.target.ScriptFiles;
import io.sqlitch.target.Target;
import io.sqlitch.target.TargetArguments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** {@code sqitch bundle}: copies the config, plan and change scripts into a directory for packaging. */
public final class BundleCommand implements Command<BundleOptions, Void> {

    private final CommandContext ctx;

    public BundleCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CommandResult<Void> execute(BundleOptions options) {
        String destDir = options.destDir() != null && !options.destDir().isEmpty() ? options.destDir()
                : ctx.config().get("bundle.dest_dir").filter(s -> !s.isEmpty()).orElse("bundle");
        TargetArguments parsed = TargetArguments.parse(ctx.config(), ctx.run(), "bundle", ctx.options(),
                options.args(), List.of(), (t, arg) -> ctx.plan(t).contains(arg), options.all());
        List<Target> targets = parsed.targets();
        boolean fromOrTo = notEmpty(options.from()) || notEmpty(options.to());
        if (targets.size() > 1 && fromOrTo) {
            ctx.out().warn("Use of --to or --from to bundle multiple targets is not recommended.");
            ctx.out().warn("Pass them as arguments after each target argument, instead.");
        }
        if (!parsed.changes().isEmpty() && fromOrTo) {
            throw new SqitchException("Cannot specify both --from or --to and change arguments");
        }
        Path cwd = ctx.run().directory();
        for (Target target : targets) {
            new ScriptFiles(target, cwd).requireInside(ctx.plan(target).changes());
        }
        Path dest = cwd.resolve(destDir);
        ctx.out().info("Bundling into " + destDir);

        ctx.out().info("Writing config");
        Path config = ctx.config().localFile();
        copyIfModified(config, dest.resolve(config.getFileName().toString()));

        // Sqitch keeps only the non-empty of (from, to) and passes them in order: a lone --to acts as --from.
        List<String> fromTo = new ArrayList<>();
        for (String change : new String[] {options.from(), options.to()}) {
            if (change != null && !change.isEmpty() && !change.equals("0")) {
                fromTo.add(change);
            }
        }
        List<String> changes = new ArrayList<>(parsed.changes());
        for (Target target : targets) {
            if (fromTo.isEmpty()) {
                // Each target takes the next two change arguments as its own from and to.
                fromTo = new ArrayList<>(changes.subList(0, Math.min(2, changes.size())));
                changes.subList(0, fromTo.size()).clear();
            }
            String from = fromTo.isEmpty() ? null : fromTo.get(0);
            String to = fromTo.size() < 2 ? null : fromTo.get(1);
            bundlePlan(target, dest, from, to);
            bundleScripts(target, dest, from, to);
            if (!fromOrTo) {
                fromTo = List.of();
            }
        }
        return CommandResult.ok();
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    private void bundlePlan(Target target, Path dest, String from, String to) {
        Path source = ctx.path(target.planFile());
        Path destTop = dest.resolve(relative(ctx.path(target.topDir())));
        Path planDest = destTop.resolve(source.getFileName().toString());
        if (from == null && to == null) {
            ctx.out().info("Writing plan");
            copyIfModified(source, planDest);
            return;
        }
        ctx.out().info("Writing plan from " + (from == null ? "@ROOT" : from) + " to " + (to == null ? "@HEAD" : to));
        mkdirs(destTop);
        PlanWriter.writeAtomically(planDest, PlanWriter.asString(ctx.plan(target), from, to));
    }

    private void bundleScripts(Target target, Path dest, String from, String to) {
        Plan plan = ctx.plan(target);
        int fromIndex = plan.indexOf(from == null ? "@ROOT" : from)
                .orElseThrow(() -> new SqitchException("Cannot find change " + from));
        int toIndex = plan.indexOf(to == null ? "@HEAD" : to)
                .orElseThrow(() -> new SqitchException("Cannot find change " + to));
        ctx.out().info("Writing scripts");
        ScriptFiles scripts = new ScriptFiles(target, ctx.run().directory());
        // Every script and its copy checked before the first copy: a bundle is refused whole, never half written.
        Map<Path, Path> copies = new LinkedHashMap<>();
        Map<Integer, List<Path>> byChange = new LinkedHashMap<>();
        Path destination = dest.toAbsolutePath().normalize();
        for (int i = fromIndex; i <= toIndex && i < plan.count(); i++) {
            Change change = plan.changeAt(i);
            List<Path> sources = new ArrayList<>();
            for (String display : List.of(scripts.deploy(change), scripts.revert(change), scripts.verify(change))) {
                Path file = scripts.resolve(display);
                Path copy = destination.resolve(relative(file)).normalize();
                if (!copy.startsWith(destination)) {
                    throw new SqitchException("Cannot bundle " + display + " of change \"" + change.name()
                            + "\": its copy would be written outside " + display(destination) + " (" + copy + ")");
                }
                copies.put(file, copy);
                sources.add(file);
            }
            byChange.put(i, sources);
        }
        for (Map.Entry<Integer, List<Path>> e : byChange.entrySet()) {
            ctx.out().info("  + " + plan.changeAt(e.getKey()).formatNameWithTags());
            for (Path file : e.getValue()) {
                if (Files.exists(file)) {
                    copyIfModified(file, copies.get(file));
                }
            }
        }
    }

    // Sqitch's Path::Class relative(): against the working directory, so absolute script dirs bundle too.
    private Path relative(Path absolute) {
        return ctx.run().directory().relativize(absolute.toAbsolutePath().normalize());
    }

    /** Copies unless the destination is at least as new as the source (Sqitch's {@code -M} comparison). */
    private void copyIfModified(Path source, Path target) {
        if (!Files.exists(source)) {
            throw new SqitchException("Cannot copy " + display(source) + ": does not exist");
        }
        try {
            if (Files.exists(target)) {
                if (Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0) {
                    return;
                }
            } else {
                mkdirs(target.getParent());
            }
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new SqitchException("Cannot copy \"" + display(source) + "\" to \"" + display(target) + "\": "
                    + e.getMessage(), e);
        }
    }

    private String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(ctx.run().directory()) ? relative(abs).toString() : abs.toString();
    }

    private void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SqitchException("Error creating " + display(dir) + ": " + e.getMessage(), e);
        }
    }
}
