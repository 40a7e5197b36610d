package io.sqlitch.config;

import io.sqlitch.RunContext;
import io.sqlitch.SqitchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sqitch's merged configuration: system, then user, then local file, each key from the last file that sets it
 * (a key repeated within one file is multi-valued; a later file replaces all its values).
 */
public final class SqitchConfig {

    private final Path systemFile;
    private final Path userFile;
    private final Path localFile;
    private final Path foundLocalFile;
    /** canonical key → values in file order (a null value is a key written without '='). */
    private final Map<String, List<String>> data;
    /** canonical key → the key as first written (section and name case kept). */
    private final Map<String, String> casing;

    private SqitchConfig(Path systemFile, Path userFile, Path localFile, Path foundLocalFile,
                         Map<String, List<String>> data, Map<String, String> casing) {
        this.systemFile = systemFile;
        this.userFile = userFile;
        this.localFile = localFile;
        this.foundLocalFile = foundLocalFile;
        this.data = data;
        this.casing = casing;
    }

    /** Loads the three scopes for a run: {@code SQITCH_SYSTEM_CONFIG}, {@code SQITCH_USER_CONFIG}, {@code SQITCH_CONFIG}. */
    public static SqitchConfig load(RunContext ctx) {
        Path system = ctx.env("SQITCH_SYSTEM_CONFIG").map(ctx::resolve)
                .orElse(Path.of("/etc/sqitch/sqitch.conf"));
        Path user = ctx.env("SQITCH_USER_CONFIG").map(ctx::resolve)
                .orElse(ctx.userHome().resolve(".sqitch").resolve("sqitch.conf"));
        String localName = ctx.env("SQITCH_CONFIG").orElse("sqitch.conf");
        Path local = ctx.resolve(localName);
        Path found = null;
        for (Path dir = ctx.directory(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(localName);
            if (Files.isRegularFile(candidate)) {
                found = candidate;
                break;
            }
        }
        Map<String, List<String>> data = new LinkedHashMap<>();
        Map<String, String> casing = new LinkedHashMap<>();
        Set<Path> loaded = new HashSet<>();
        for (Path file : found == null ? List.of(system, user) : List.of(system, user, found)) {
            loadInto(file, data, casing, loaded, ctx.env("HOME").map(Path::of).orElse(ctx.userHome()));
        }
        return new SqitchConfig(system, user, local, found, data, casing);
    }

    /** One file alone (for {@code sqitch config --list --local} and the like); empty when it does not exist. */
    public static SqitchConfig ofFile(Path file) {
        Map<String, List<String>> data = new LinkedHashMap<>();
        Map<String, String> casing = new LinkedHashMap<>();
        loadInto(file, data, casing, new HashSet<>(), null);
        return new SqitchConfig(file, file, file, Files.isRegularFile(file) ? file : null, data, casing);
    }

    private static void loadInto(Path file, Map<String, List<String>> data, Map<String, String> casing,
                                 Set<Path> loaded, Path home) {
        loadInto(file, data, casing, loaded, 0, false, home);
    }

    /**
     * Loads one file; {@code include.path} values load further files (relative to the including file, missing
     * ones ignored, at most 10 deep), as Config::GitLike's include support.
     */
    private static void loadInto(Path file, Map<String, List<String>> data, Map<String, String> casing,
                                 Set<Path> loaded, int depth, boolean force, Path home) {
        ConfigFile cf = new ConfigFile(file);
        String raw = cf.readRaw();
        if (raw == null) {
            return;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        if (!loaded.add(real) && !force) {
            return;
        }
        Set<String> fromThisFile = new HashSet<>();
        for (GitConfigText.Item item : GitConfigText.parse(GitConfigText.normalize(raw), file.toString())) {
            if (item.isHeader()) {
                continue;
            }
            String key = item.section() + "." + item.name().toLowerCase(java.util.Locale.ROOT);
            if (fromThisFile.add(key)) {
                List<String> values = new ArrayList<>();
                values.add(item.value());
                data.remove(key);
                data.put(key, values);
                casing.put(key, originalKey(item));
            } else {
                data.get(key).add(item.value());
            }
            if (key.equals("include.path") && item.value() != null) {
                if (depth > 10) {
                    throw new SqitchException("Exceeded maximum include depth (10) while including "
                            + item.value() + " from " + file);
                }
                String target = item.value().startsWith("~") && home != null
                        ? home + item.value().substring(1) : item.value();
                loadInto(real.getParent().resolve(target), data, casing, loaded, depth + 1, true, home);
            }
        }
    }

    private static String originalKey(GitConfigText.Item item) {
        return item.section() + "." + item.name();
    }

    public Path systemFile() {
        return systemFile;
    }

    public Path userFile() {
        return userFile;
    }

    /** The local file Sqitch writes to: {@code SQITCH_CONFIG} or {@code ./sqitch.conf}. */
    public Path localFile() {
        return localFile;
    }

    /** The local file that was found (cwd upwards) and loaded, if any. */
    public Optional<Path> foundLocalFile() {
        return Optional.ofNullable(foundLocalFile);
    }

    /** Whether a local (project) config file was found: Sqitch's {@code config->initialized}. */
    public boolean initialized() {
        return foundLocalFile != null;
    }

    /**
     * The single value of a key; empty when the key is absent or written without '='.
     *
     * @throws SqitchException "Multiple values" when the key holds several values
     */
    public Optional<String> get(String key) {
        List<String> values = data.get(ConfigKey.canonical(key));
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new SqitchException("Multiple values");
        }
        return Optional.ofNullable(values.get(0));
    }

    /** Whether the key is present at all (even without a value). */
    public boolean has(String key) {
        return data.containsKey(ConfigKey.canonical(key));
    }

    /** Raw values (null for a key without '='), empty list when absent. */
    public List<String> getAll(String key) {
        List<String> values = data.get(ConfigKey.canonical(key));
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /** A boolean value, or the default when absent; a key without '=' is true. */
    public boolean getBool(String key, boolean defaultValue) {
        List<String> values = data.get(ConfigKey.canonical(key));
        if (values == null) {
            return defaultValue;
        }
        if (values.size() > 1) {
            throw new SqitchException("Multiple values");
        }
        return ConfigValues.toBool(values.get(0));
    }

    /** An int value (k/m/g suffixes), or the default when absent. */
    public long getInt(String key, long defaultValue) {
        Optional<String> v = get(key);
        return v.map(s -> Long.parseLong(ConfigValues.cast(s, "int"))).orElse(defaultValue);
    }

    /** Whether a key holds several values; {@code include.path} always counts as multi-valued (Config::GitLike). */
    public boolean isMultiple(String key) {
        String canonical = ConfigKey.canonical(key);
        List<String> values = data.get(canonical);
        return values != null && (values.size() > 1 || canonical.equals("include.path"));
    }

    /** Every key (canonical) with its values. */
    public Map<String, List<String>> data() {
        return Collections.unmodifiableMap(data);
    }

    /**
     * Sqitch's {@code get_section}: the direct keys of a section or subsection (e.g. {@code core.variables},
     * {@code target.dev}) with their names as first written, values as last set (multi-values joined lists).
     */
    public Map<String, String> section(String section) {
        ConfigKey k = ConfigKey.split(section + ".x");
        String prefix = (k.section() == null ? section.toLowerCase(java.util.Locale.ROOT)
                : k.section().toLowerCase(java.util.Locale.ROOT) + (k.subsection() == null ? "" : "." + k.subsection()))
                + ".";
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : data.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0) {
                String original = casing.get(key);
                String name = original.substring(original.lastIndexOf('.') + 1);
                List<String> values = e.getValue();
                out.put(name, values.get(values.size() - 1));
            }
        }
        return out;
    }

    /** Distinct subsection names of a section ({@code target} → target names), sorted. */
    public List<String> subsections(String section) {
        String prefix = section.toLowerCase(java.util.Locale.ROOT) + ".";
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (String key : data.keySet()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    names.put(rest.substring(0, dot), true);
                }
            }
        }
        return new ArrayList<>(names.keySet());
    }

    /** Config::GitLike's {@code dump}: {@code key=value} lines sorted by key, multi-values as {@code key=[a, b]}. */
    public List<String> dump() {
        List<String> lines = new ArrayList<>();
        for (String key : new TreeMap<>(data).keySet()) {
            lines.add(format(key, data.get(key)));
        }
        return lines;
    }

    /** Keys matching a case-insensitive regex, with values filtered and cast, as {@code get_regexp}. */
    public Map<String, List<String>> matching(String keyRegex, String valueFilter, String type) {
        Pattern p = Pattern.compile(keyRegex == null || keyRegex.isEmpty() ? "." : keyRegex, Pattern.CASE_INSENSITIVE);
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : data.entrySet()) {
            if (!p.matcher(e.getKey()).find()) {
                continue;
            }
            List<String> values = filter(e.getValue(), valueFilter);
            if (values.isEmpty()) {
                continue;
            }
            List<String> cast = new ArrayList<>();
            for (String v : values) {
                cast.add(ConfigValues.cast(v, type));
            }
            out.put(e.getKey(), cast);
        }
        return out;
    }

    /** A key's values filtered by a value regex (leading '!' negates), as Config::GitLike's {@code _get}. */
    public static List<String> filter(List<String> values, String filter) {
        if (filter == null || filter.isEmpty()) {
            return values;
        }
        if (filter.equals("!")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (filter.startsWith("!")) {
            Pattern p = Pattern.compile(filter.substring(1), Pattern.CASE_INSENSITIVE);
            for (String v : values) {
                if (v == null || !p.matcher(v).find()) {
                    out.add(v);
                }
            }
        } else {
            Pattern p = Pattern.compile(filter, Pattern.CASE_INSENSITIVE);
            for (String v : values) {
                if (v != null && p.matcher(v).find()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    static String format(String key, List<String> values) {
        if (values.size() > 1 || key.equals("include.path")) {
            return key + "=[" + String.join(", ", values.stream().map(v -> v == null ? "" : v).toList()) + "]";
        }
        return values.get(0) == null ? key : key + "=" + values.get(0);
    }
}
