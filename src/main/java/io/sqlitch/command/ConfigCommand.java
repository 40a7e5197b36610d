package io.sqlitch.command;

import io.sqlitch.console.Output;
import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;
import io.sqlitch.config.ConfigFile;
import io.sqlitch.config.ConfigKey;
import io.sqlitch.config.ConfigValues;
import io.sqlitch.config.SqitchConfig;
import io.sqlitch.target.PathText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sqitch config}: reads the merged configuration, edits one file (local by default) as Config::GitLike.
 *
 * <p>Messages that Sqitch passes on from Config::GitLike keep its trailing newline, so the error ends with an
 * empty line on stderr exactly like Sqitch's.
 */
public final class ConfigCommand implements Command<ConfigOptions, Void> {

    static final String USAGE = """
            Usage:
                  sqitch [options] config [config options]
            
            Options:
                Config file location
            
                    --local               use local config file
                    --user                use user config file
                    --system              use system config file
                    -f, --file <file>     use given config file
            
                Action
            
                    --get                 get value: name [value-regex]
                    --get-all             get all values: key [value-regex]
                    --get-regexp          get values for regexp: name-regex [value-regex]
                    --replace-all         replace all matching variables: name value [value_regex]
                    --add                 adds a new variable: name value
                    --unset               removes a variable: name [value-regex]
                    --unset-all           removes all matches: name [value-regex]
                    --rename-section      rename section: old-name new-name
                    --remove-section      remove a section: name
                    -l, --list            list all
                    -e, --edit            opens an editor
            
                Type
            
                    --bool                value is "true" or "false"
                    --int                 value is decimal number
                    --num                 value is decimal number
                    --bool-or-int         value is --bool or --int
            """;

    private final RunContext ctx;
    private final Output out;

    // Only the process and the output: the command reads and writes the configuration files themselves.
    public ConfigCommand(CommandContext context) {
        this.ctx = context.run();
        this.out = context.out();
    }

    /** A usage error: the message, then the usage text, on stderr with exit 2. */
    static SqitchException usage(String message) {
        return new SqitchException(message + "\n" + USAGE);
    }

    @Override
    public CommandResult<Void> execute(ConfigOptions opts) {
        int files = (opts.local() ? 1 : 0) + (opts.user() ? 1 : 0) + (opts.system() ? 1 : 0)
                + (opts.file() != null && !opts.file().isEmpty() ? 1 : 0);
        if (files > 1) {
            throw usage("Only one config file at a time.");
        }
        if (opts.types().size() > 1) {
            throw usage("Only one type at a time.");
        }
        if (opts.actions().size() > 1) {
            throw usage("Only one action at a time.");
        }
        String type = opts.types().isEmpty() ? null : opts.types().get(0);
        if ("bool_or_int".equals(type)) {
            // Not a Sqitch crash reproduced: Sqitch 1.3.1's type check rejects its own --bool-or-int; ours works.
            type = "bool-or-int";
        }
        List<String> args = opts.args();
        String action = opts.actions().isEmpty() ? (args.size() > 1 ? "set" : "get")
                : opts.actions().get(0).replace('_', '-');
        if (action.equals("get-regex")) {
            action = "get-regexp";
        }
        String context = opts.local() ? "local" : opts.user() ? "user" : opts.system() ? "system" : null;
        String fileName = opts.file() != null && !opts.file().isEmpty() ? PathText.clean(opts.file())
                : fileFor(context == null ? "local" : context);
        Path file = ctx.resolve(fileName);
        String a0 = arg(args, 0);
        String a1 = arg(args, 1);
        String a2 = arg(args, 2);
        boolean found = true;
        switch (action) {
            case "get" -> found = get(a0, a1, type);
            case "get-all" -> found = getAll(a0, a1, type);
            case "get-regexp" -> found = getRegexp(a0, a1, type);
            case "set" -> set(file, fileName, a0, a1, a2, type, false, false, true);
            case "add" -> set(file, fileName, a0, a1, null, type, true, false, true);
            case "replace-all" -> set(file, fileName, a0, a1, a2, type, true, true, true);
            case "unset" -> unset(file, fileName, a0, a1, false);
            case "unset-all" -> unset(file, fileName, a0, a1, true);
            case "list" -> list(context, file);
            case "edit" -> edit(fileName);
            case "rename-section" -> {
                if (empty(a0) || empty(a1)) {
                    throw usage("Wrong number of arguments.");
                }
                renameSection(file, fileName, a0, a1);
            }
            case "remove-section" -> {
                if (empty(a0)) {
                    throw usage("Wrong number of arguments.");
                }
                renameSection(file, fileName, a0, null);
            }
            default -> throw new SqitchException("Unknown config action: " + action);
        }
        // Config::GitLike: a get that finds nothing exits 1, printing one empty line.
        return found ? CommandResult.ok() : CommandResult.soft("");
    }

    /** The file each context edits, as Sqitch names it in messages. */
    private String fileFor(String context) {
        return switch (context) {
            case "user" -> ctx.env("SQITCH_USER_CONFIG").map(PathText::clean)
                    .orElse(ctx.userHome().resolve(".sqitch").resolve("sqitch.conf").toString());
            case "system" -> ctx.env("SQITCH_SYSTEM_CONFIG").map(PathText::clean).orElse("/etc/sqitch/sqitch.conf");
            default -> ctx.env("SQITCH_CONFIG").map(PathText::clean).orElse("sqitch.conf");
        };
    }

    private static String arg(List<String> args, int i) {
        return args.size() > i ? args.get(i) : null;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    /** Runs a Config::GitLike call; its own messages end with a newline, as Sqitch prints them. */
    private static <T> T gitlike(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SqitchException e) {
            String m = e.getMessage();
            throw new SqitchException(m.endsWith("\n") ? m : m + "\n", e.exitValue());
        }
    }

    private SqitchConfig merged() {
        return gitlike(() -> SqitchConfig.load(ctx));
    }

    private boolean get(String key, String filter, String type) {
        if (empty(key)) {
            throw usage("Wrong number of arguments.");
        }
        SqitchConfig config = merged();
        List<String> values = gitlike(() -> SqitchConfig.filter(config.getAll(ConfigKey.canonical(key)), filter));
        if (values.size() > 1) {
            throw new SqitchException("More then one value for the key \"" + key + "\"");
        }
        String value = values.isEmpty() ? null : values.get(0);
        if (value == null && (values.isEmpty() || type == null)) {
            return false;
        }
        out.emit(gitlike(() -> castForGet(value, type)));
        return true;
    }

    /** Config::GitLike's cast of a key without '=' as bool gives 1, not "true". */
    private static String castForGet(String value, String type) {
        if (value == null) {
            return type == null ? null : (type.startsWith("bool") ? "1" : ConfigValues.cast(null, type));
        }
        return ConfigValues.cast(value, type);
    }

    private boolean getAll(String key, String filter, String type) {
        if (empty(key)) {
            throw usage("Wrong number of arguments.");
        }
        SqitchConfig config = merged();
        List<String> values = gitlike(() -> SqitchConfig.filter(config.getAll(ConfigKey.canonical(key)), filter));
        if (values.isEmpty()) {
            return false;
        }
        List<String> shown = new ArrayList<>();
        for (String v : values) {
            String c = gitlike(() -> castForGet(v, type));
            shown.add(c == null ? "" : c);
        }
        shown.forEach(out::emit);
        return true;
    }

    private boolean getRegexp(String keyRegex, String filter, String type) {
        if (empty(keyRegex)) {
            throw usage("Wrong number of arguments.");
        }
        SqitchConfig config = merged();
        Map<String, List<String>> found = gitlike(() -> config.matching(keyRegex, filter, type));
        if (found.isEmpty()) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : found.entrySet()) {
            List<String> v = e.getValue();
            if (config.isMultiple(e.getKey())) {
                lines.add(e.getKey() + "=[" + String.join(", ", v.stream().map(s -> s == null ? "" : s).toList()) + "]");
            } else if (v.get(0) == null) {
                lines.add(e.getKey());
            } else {
                lines.add(e.getKey() + "=" + v.get(0));
            }
        }
        lines.forEach(out::emit);
        return true;
    }

    private void set(Path file, String fileName, String key, String value, String filter, String type,
                     boolean multiple, boolean replaceAll, boolean touch) {
        if (empty(key) || value == null) {
            throw usage("Wrong number of arguments.");
        }
        touchDir(file);
        try {
            gitlike(() -> {
                new ConfigFile(file, fileName).set(key, value, filter, type, multiple, replaceAll);
                return null;
            });
        } catch (SqitchException e) {
            if (e.getMessage().startsWith("Multiple occurrences")) {
                throw new SqitchException("Cannot overwrite multiple values with a single value");
            }
            throw e;
        }
    }

    private void unset(Path file, String fileName, String key, String filter, boolean all) {
        if (empty(key)) {
            throw usage("Wrong number of arguments.");
        }
        touchDir(file);
        try {
            gitlike(() -> {
                new ConfigFile(file, fileName).set(key, null, filter, null, all, false);
                return null;
            });
        } catch (SqitchException e) {
            if (!all && e.getMessage().startsWith("Multiple occurrences")) {
                throw new SqitchException("Cannot unset key with multiple values");
            }
            throw e;
        }
    }

    private void list(String context, Path file) {
        SqitchConfig config;
        if (context != null) {
            if (!Files.exists(file)) {
                return;
            }
            config = gitlike(() -> SqitchConfig.ofFile(file));
        } else {
            config = merged();
        }
        List<String> lines = config.dump();
        // Sqitch emits the dump (each line with its newline) plus one more newline.
        lines.forEach(out::emit);
        out.emit("");
    }

    private void renameSection(Path file, String fileName, String from, String to) {
        try {
            gitlike(() -> {
                new ConfigFile(file, fileName).renameSection(from, to);
                return null;
            });
        } catch (SqitchException e) {
            if (e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no such section")) {
                throw new SqitchException("No such section!");
            }
            throw e;
        }
    }

    private void edit(String fileName) {
        String editor = ctx.env("SQITCH_EDITOR")
                .or(() -> SqitchConfig.load(ctx).get("core.editor").filter(s -> !s.isEmpty()))
                .or(() -> ctx.env("VISUAL")).or(() -> ctx.env("EDITOR")).orElse("vi");
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", editor + " '" + fileName.replace("'", "'\\''") + "'")
                    .directory(ctx.directory().toFile()).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new SqitchException("Error executing " + editor + ": exit " + rc);
            }
        } catch (IOException e) {
            throw new SqitchException("Cannot run " + editor + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqitchException("Interrupted", e);
        }
    }

    private static void touchDir(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.exists(file) && dir != null && !Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new SqitchException("Cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
