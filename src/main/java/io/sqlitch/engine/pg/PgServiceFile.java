package io.sqlitch.engine.pg;

import io.sqlitch.SqitchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's connection service file: {@code [name]} sections of {@code keyword=value} lines, {@code #} comments.
 * libpq reads the user's file ({@code $PGSERVICEFILE}, else {@code ~/.pg_service.conf}) and, when the service is not
 * there, the system file {@code $PGSYSCONFDIR/pg_service.conf}.
 */
public final class PgServiceFile {

    private PgServiceFile() {
    }

    /**
     * The keywords of service {@code name} from the first of {@code files} that defines it.
     *
     * @throws SqitchException {@code definition of service "x" not found} (libpq's text), or a syntax error naming
     *                         the file and line
     */
    public static Map<String, String> lookup(String name, List<Path> files) {
        for (Path file : files) {
            Optional<Map<String, String>> found = read(file, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new SqitchException("definition of service \"" + name + "\" not found");
    }

    private static Optional<Map<String, String>> read(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SqitchException("service file \"" + file + "\" not found");
        }
        Map<String, String> values = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (values != null) {
                    break;
                }
                if (line.equals("[" + name + "]")) {
                    values = new LinkedHashMap<>();
                }
                continue;
            }
            if (values == null) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new SqitchException("syntax error in service file \"" + file + "\", line " + (i + 1));
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return Optional.ofNullable(values);
    }
}
