package io.sqlitch.target;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.SqitchConfig;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Sqitch's {@code parse_args}: sorts a command's positional arguments into changes, targets and names.
 * In order, an argument is a change in the current target's plan, a target ({@code target.<arg>.uri} or a
 * {@code db:} URI), an engine (its target), an existing plan file of a known target, or else unknown.
 *
 * @param names   the values for the command's named slots (filled from unknown arguments when not given)
 * @param targets the targets to act on (the default target when none was named)
 * @param changes the changes named
 */
public record TargetArguments(List<String> names, List<Target> targets, List<String> changes) {

    /** The engines Sqitch 1.3.1 knows. */
    public static final Set<String> ENGINES = Set.of("pg", "sqlite", "mysql", "oracle", "firebird", "vertica",
            "exasol", "snowflake");

    /**
     * Classifies arguments.
     *
     * @param command      the command name ({@code deploy}), for the {@code <command>.all} setting
     * @param options      global options; {@code options.target()} is the {@code --target} given
     * @param args         the positional arguments
     * @param names        values already given for the named slots (null entries are filled from unknowns)
     * @param planContains whether a target's plan contains a change (given by the plan package); null means
     *                     the command takes no changes ({@code no_changes})
     * @param all          {@code --all}
     * @throws SqitchException {@code Unknown argument "x"} / {@code Unknown arguments: x, y},
     *                         {@code Cannot specify both --all and engine, target, or plan arugments} (sic),
     *                         or the default target's error when it is needed
     */
    public static TargetArguments parse(SqitchConfig config, RunContext ctx, String command, TargetOptions options,
                                        List<String> args, List<String> names,
                                        BiPredicate<Target, String> planContains, boolean all) {
        Targets targets = new Targets(config, ctx);
        TargetOptions base = options.withTarget(null);
        Target target = null;
        SqitchException defaultError = null;
        try {
            target = options.target() == null ? targets.resolve(base) : targets.named(options.target(), base);
        } catch (SqitchException e) {
            if (options.target() != null) {
                throw e;
            }
            defaultError = e;
        }
        List<Target> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> changes = new ArrayList<>();
        LinkedList<String> unknown = new LinkedList<>();
        if (options.target() != null) {
            found.add(target);
            seen.add(target.name());
        }
        Map<String, Target> byPlanFile = null;
        for (String arg : args) {
            if (planContains != null && target != null && Files.exists(ctx.resolve(target.planFile()))
                    && planContains.test(target, arg)) {
                changes.add(arg);
            } else if (config.get("target." + arg + ".uri").filter(s -> !s.isEmpty() && !s.equals("0")).isPresent()
                    || arg.startsWith("db:")) {
                target = targets.named(arg, base);
                if (seen.add(target.name())) {
                    found.add(target);
                }
            } else if (ENGINES.contains(arg)) {
                String name = config.get("engine." + arg + ".target").filter(s -> !s.isEmpty() && !s.equals("0"))
                        .orElse("db:" + arg + ":");
                target = targets.named(name, base);
                if (seen.add(target.name())) {
                    found.add(target);
                }
            } else if (Files.exists(ctx.resolve(arg))) {
                if (byPlanFile == null) {
                    byPlanFile = new HashMap<>();
                    for (Target t : targets.all()) {
                        byPlanFile.putIfAbsent(t.planFile(), t);
                    }
                }
                Target t = byPlanFile.get(arg);
                if (t != null) {
                    target = t;
                    if (seen.add(t.name())) {
                        found.add(t);
                    }
                } else {
                    unknown.add(arg);
                }
            } else {
                unknown.add(arg);
            }
        }
        List<String> filled = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            filled.add(n != null && !n.isEmpty() ? n : unknown.poll());
        }
        if (!unknown.isEmpty()) {
            throw new SqitchException(unknown.size() == 1 ? "Unknown argument \"" + unknown.get(0) + "\""
                    : "Unknown arguments: " + String.join(", ", unknown));
        }
        List<Target> result = found;
        if (all) {
            if (!found.isEmpty()) {
                throw new SqitchException("Cannot specify both --all and engine, target, or plan arugments");
            }
            result = targets.all();
        } else if (found.isEmpty()) {
            if (config.getBool(command + ".all", false)) {
                result = targets.all();
            } else {
                if (defaultError != null) {
                    throw defaultError;
                }
                result = List.of(target);
            }
        }
        return new TargetArguments(filled, List.copyOf(result), List.copyOf(changes));
    }
}
