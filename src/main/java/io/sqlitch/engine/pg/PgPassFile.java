package io.sqlitch.engine.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * libpq's password file ({@code ~/.pgpass} or {@code $PGPASSFILE}): lines {@code host:port:database:user:password},
 * {@code *} matching anything, {@code \} escaping {@code :} and {@code \}, {@code #} comments; the first matching
 * line wins. As libpq does, a file that group or others may read is ignored with a warning.
 */
public final class PgPassFile {

    private PgPassFile() {
    }

    /** The password for these connection values, if a line of the file matches. */
    public static Optional<String> lookup(Path file, String host, String port, String database, String user,
                                          Consumer<String> warn) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                warn.accept("WARNING: password file \"" + file + "\" has group or world access; permissions should"
                        + " be u=rw (0600) or less");
                return Optional.empty();
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: libpq skips the check on such systems too.
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] wanted = {host, port, database, user};
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> fields = split(line.stripTrailing());
            if (fields.size() < 5) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                match = fields.get(i).equals("*") || fields.get(i).equals(wanted[i]);
            }
            if (match) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    /** Splits on unescaped colons, removing the escapes; the fifth field takes the rest of the line. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
