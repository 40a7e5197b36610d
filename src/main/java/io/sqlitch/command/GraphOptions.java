package io.sqlitch.command;

import io.sqlitch.graph.GraphFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sqlitch:graph} options (not a Sqitch command).
 *
 * @param target    the target whose plan to draw and whose registry colours it; null: the default target's plan,
 *                  uncoloured
 * @param directory where the files go
 * @param formats   which files to write
 */
public record GraphOptions(String target, Path directory, List<GraphFormat> formats) {

    public GraphOptions {
        formats = List.copyOf(formats);
    }
}
