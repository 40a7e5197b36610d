package io.sqlitch.command;

import java.util.function.Function;
import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.target.TargetOptions;
import io.sqlitch.testing.Capture;
import io.sqlitch.testing.RealSqitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A flipr-like SQLite project in a temp directory (fixed plan timestamps, so change ids are stable), with a
 * hermetic home, on which our commands and real sqitch can both run.
 */
final class EngineProject {

    static final String PLANNER = "Marge N. O’Vera <marge@example.com>";

    final Path dir;
    final Path home;
    final Map<String, String> env;
    private final StringBuilder plan = new StringBuilder();
    private int minute;

    EngineProject(Path root) {
        this(root, "flipr", "flipr.db");
    }

    /** A project named {@code project} in {@code root/flipr} whose target database is {@code database}. */
    EngineProject(Path root, String project, String database) {
        this.dir = root.resolve("flipr");
        this.home = root.resolve("home");
        try {
            Files.createDirectories(dir.resolve("deploy"));
            Files.createDirectories(dir.resolve("revert"));
            Files.createDirectories(dir.resolve("verify"));
            Files.createDirectories(home);
            Files.writeString(home.resolve("user.conf"),
                    "[user]\n\tname = Marge N. O’Vera\n\temail = marge@example.com\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n[engine \"sqlite\"]\n"
                    + "\ttarget = db:sqlite:" + database + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env = RealSqitch.env(home);
        plan.append("%syntax-version=1.0.0\n%project=" + project + "\n"
                + (project.equals("flipr") ? "%uri=https://github.com/sqitchers/sqitch-sqlite-intro/\n" : "") + "\n");
        writePlan();
    }

    /** Adds a change with table {@code name} (deploy/revert/verify scripts in Sqitch's template shape). */
    EngineProject add(String name, String deps) {
        return add(name, deps, "BEGIN;\nCREATE TABLE " + name + " (id INTEGER);\nCOMMIT;\n",
                "BEGIN;\nDROP TABLE " + name + ";\nCOMMIT;\n",
                "BEGIN;\nSELECT id FROM " + name + " WHERE 0;\nROLLBACK;\n");
    }

    EngineProject add(String name, String deps, String deploy, String revert, String verify) {
        plan.append(name).append(deps.isEmpty() ? "" : " [" + deps + "]").append(' ').append(ts())
                .append(' ').append(PLANNER).append(" # Adds ").append(name).append(".\n");
        write("deploy/" + name + ".sql", deploy);
        write("revert/" + name + ".sql", revert);
        write("verify/" + name + ".sql", verify);
        writePlan();
        return this;
    }

    EngineProject tag(String name) {
        plan.append('@').append(name).append(' ').append(ts()).append(' ').append(PLANNER).append(" # Tag ")
                .append(name).append(".\n");
        writePlan();
        return this;
    }

    private String ts() {
        minute++;
        return java.time.Instant.parse("2026-11-23T19:00:00Z").plusSeconds(60L * minute).toString();
    }

    void write(String file, String text) {
        try {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writePlan() {
        write("sqitch.plan", plan.toString());
    }

    /** Copies the whole project (and its home) under another root, e.g. to run sqitch beside us. */
    EngineProject copyTo(Path root) {
        EngineProject copy = new EngineProject(root);
        copy.plan.setLength(0);
        copy.plan.append(plan);
        copy.minute = minute;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path to = copy.dir.resolve(dir.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Runs one of our commands as the sqitch executable would (exceptions → message and exit value). */
    RealSqitch.Result ours(Function<CommandContext, ? extends CommandResult<?>> command) {
        Capture capture = new Capture();
        CommandContext ctx = new CommandContext(new RunContext(dir, env, Clock.systemUTC(), home),
                TargetOptions.none(), capture, (question, defaultYes) -> defaultYes);
        return capture.run(() -> command.apply(ctx));
    }

    RealSqitch.Result sqitch(String... args) {
        return RealSqitch.run(dir, env, List.of(args));
    }

    /** {@code sqlite3 FILE .dump} with committed_at/installed_at/created_at masked as normalize.sh does. */
    String dump(String file) {
        if (!Files.exists(dir.resolve(file))) {
            return "<absent>";
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/sqlite3", file, ".dump").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}", "<YYYY-MM-DD HH:MM:SS.fff>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs our deploy with these CLI-like arguments. */
    static DeployOptions deploy(String... args) {
        List<String> positional = new ArrayList<>();
        String to = null;
        String mode = null;
        Boolean verify = null;
        boolean logOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = args[++i];
                case "--mode" -> mode = args[++i];
                case "--verify" -> verify = true;
                case "--no-verify" -> verify = false;
                case "--log-only" -> logOnly = true;
                default -> positional.add(args[i]);
            }
        }
        return DeployOptions.builder().args(positional).toChange(to).mode(mode).verify(verify).logOnly(logOnly)
                .build();
    }

    static RevertOptions revert(String... args) {
        List<String> positional = new ArrayList<>();
        String to = null;
        Boolean y = null;
        boolean logOnly = false;
        boolean modified = false;
        Map<String, String> set = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = args[++i];
                case "-y" -> y = true;
                case "--log-only" -> logOnly = true;
                case "-m", "--modified" -> modified = true;
                case "-s" -> put(set, args[++i]);
                default -> positional.add(args[i]);
            }
        }
        return RevertOptions.builder().args(positional).toChange(to).modified(modified).noPrompt(y).logOnly(logOnly)
                .set(set).build();
    }

    static VerifyOptions verify(String... args) {
        List<String> positional = new ArrayList<>();
        String from = null;
        String to = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = args[++i];
                case "--to" -> to = args[++i];
                default -> positional.add(args[i]);
            }
        }
        return new VerifyOptions(positional, null, from, to, Map.of());
    }

    static RebaseOptions rebase(String... args) {
        List<String> positional = new ArrayList<>();
        String onto = null;
        String upto = null;
        String mode = null;
        Boolean y = null;
        boolean modified = false;
        Map<String, String> set = new java.util.LinkedHashMap<>();
        Map<String, String> setRevert = new java.util.LinkedHashMap<>();
        Map<String, String> setDeploy = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--onto" -> onto = args[++i];
                case "--upto" -> upto = args[++i];
                case "--mode" -> mode = args[++i];
                case "-y" -> y = true;
                case "-m", "--modified" -> modified = true;
                case "-s" -> put(set, args[++i]);
                case "-r" -> put(setRevert, args[++i]);
                case "-e" -> put(setDeploy, args[++i]);
                default -> positional.add(args[i]);
            }
        }
        return RebaseOptions.builder().args(positional).ontoChange(onto).uptoChange(upto).modified(modified)
                .mode(mode).noPrompt(y).set(set).setRevert(setRevert).setDeploy(setDeploy).build();
    }

    private static void put(Map<String, String> vars, String nameValue) {
        int eq = nameValue.indexOf('=');
        vars.put(nameValue.substring(0, eq), nameValue.substring(eq + 1));
    }

    /** Runs the step on our side with our command for the verb. */
    RealSqitch.Result oursCli(String... args) {
        int first = args[0].matches("-v+") ? 1 : 0; // sqitch -vv <verb>: the -v count is the verbosity
        Integer verbosity = first == 1 ? args[0].length() - 1 : null;
        String verb = args[first];
        String[] rest = java.util.Arrays.copyOfRange(args, first + 1, args.length);
        return ours(ctx -> {
            ctx.withVerbosity(verbosity);
            return switch (verb) {
                case "deploy" -> new DeployCommand(ctx).execute(deploy(rest));
                case "revert" -> new RevertCommand(ctx).execute(revert(rest));
                case "verify" -> new VerifyCommand(ctx).execute(verify(rest));
                case "rebase" -> new RebaseCommand(ctx).execute(rebase(rest));
                case "status" -> new StatusCommand(ctx).execute(StatusOptions.builder().args(List.of(rest)).build());
                case "log" -> new LogCommand(ctx).execute(LogOptions.builder().args(List.of(rest)).build());
                case "check" -> new CheckCommand(ctx).execute(new CheckOptions(List.of(rest), null, null, null));
                case "upgrade" -> new UpgradeCommand(ctx).execute(new UpgradeOptions(List.of(rest), null));
                default -> throw new SqitchException("unknown verb " + verb);
            };
        });
    }
}
