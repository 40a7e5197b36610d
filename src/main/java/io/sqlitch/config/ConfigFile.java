package io.sqlitch.config;

import io.sqlitch.FileWrite;
import io.sqlitch.SqitchException;
import io.sqlitch.StrictUtf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One config file on disk, edited as Config::GitLike edits it: read (CRLF normalised, trailing newlines collapsed
 * to one), changed in memory by {@link GitConfigText}, written back atomically with its newline convention.
 */
public final class ConfigFile {

    private final Path path;
    private final String displayName;

    public ConfigFile(Path path) {
        this(path, path.toString());
    }

    /** A file with the name Sqitch shows for it in messages ({@code sqitch.conf} rather than an absolute path). */
    public ConfigFile(Path path, String displayName) {
        this.path = path;
        this.displayName = displayName;
    }

    public Path path() {
        return path;
    }

    /** The parsed items, empty when the file does not exist. */
    public List<GitConfigText.Item> items() {
        String raw = readRaw();
        return raw == null ? List.of() : GitConfigText.parse(GitConfigText.normalize(raw), displayName);
    }

    /** Sets (or with value null unsets) a key; see {@link GitConfigText#set}. {@code type} casts the value first. */
    public void set(String key, String value, String filter, String type, boolean multiple, boolean replaceAll) {
        String raw = readRaw();
        String content = raw == null ? null : GitConfigText.normalize(raw);
        String v = value == null || type == null ? value : ConfigValues.cast(value, type);
        String updated = GitConfigText.set(content, displayName, key, v, filter, multiple, replaceAll);
        write(updated, raw == null ? "\n" : GitConfigText.newlines(raw));
    }

    /** Sets a single value (replacing the one there). */
    public void set(String key, String value) {
        set(key, value, null, null, false, false);
    }

    /** Adds one more value to a key. */
    public void add(String key, String value) {
        set(key, value, null, null, true, false);
    }

    /** Removes a single-valued key. */
    public void unset(String key) {
        set(key, null, null, null, false, false);
    }

    /** Renames a section (or with {@code to} null removes it); a missing file does nothing, like Config::GitLike. */
    public void renameSection(String from, String to) {
        String raw = readRaw();
        if (raw == null) {
            return;
        }
        write(GitConfigText.renameSection(GitConfigText.normalize(raw), displayName, from, to),
                GitConfigText.newlines(raw));
    }

    public void removeSection(String section) {
        renameSection(section, null);
    }

    /**
     * Appends text after the normalised content (Config::GitLike's {@code add_comment} write), creating the file
     * if needed; init uses it for its commented defaults.
     */
    public void appendNormalized(String text) {
        String raw = readRaw();
        write((raw == null ? "" : GitConfigText.normalize(raw)) + text, raw == null ? "\n" : GitConfigText.newlines(raw));
    }

    /**
     * The file's raw text, or null when there is no file. A file that exists but cannot be read or decoded is an
     * error naming it (and the line): treating it as absent would let the next write replace it with one key.
     */
    public String readRaw() {
        if (!Files.exists(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            throw new SqitchException("Cannot read " + displayName + ": it is a directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SqitchException("Cannot read " + displayName + ": " + e.getMessage(), e);
        }
        return StrictUtf8.decode(bytes).orElseThrow(() -> {
            StrictUtf8.Invalid bad = StrictUtf8.findInvalid(bytes);
            // Sqitch (Config::GitLike) dies with "Error parsing FILE at line N, position 1." and a Perl trace.
            return new SqitchException(String.format("Error parsing %s at line %d: invalid UTF-8 byte <%02X>",
                    displayName, bad.line(), bad.firstByte()));
        });
    }

    private void write(String content, String newlines) {
        String out = newlines.equals("\n") ? content : content.replace("\n", newlines);
        writeAtomically(path, out);
    }

    /** Writes text atomically, keeping the file's mode and symlink (see {@link FileWrite}). */
    public static void writeAtomically(Path path, String text) {
        FileWrite.atomically(path, text);
    }
}
