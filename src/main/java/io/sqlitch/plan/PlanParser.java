package io.sqlitch.plan;

import io.sqlitch.SqitchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a plan file as Sqitch 1.3.1 does ({@code App::Sqitch::Plan::_parse}), with its exact error messages:
 * {@link PlanText} decodes and splits, {@link PlanReader} reads the lines with {@link PlanGrammar},
 * {@link DependencyOrderCheck} checks requirement order, {@link PlanAssembler} builds the immutable {@link Plan}.
 */
public final class PlanParser {

    private PlanParser() {
    }

    /**
     * Reads and parses a plan file.
     *
     * @param path        where the file is
     * @param displayName the path as the user gave it, for messages (e.g. {@code sqitch.plan})
     */
    public static Plan parseFile(Path path, String displayName) {
        if (!Files.exists(path)) {
            throw new SqitchException("Plan file " + displayName + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new SqitchException("Plan file " + displayName + " is not a regular file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SqitchException("Cannot open " + displayName + ": " + e.getMessage(), e);
        }
        return parse(bytes, displayName);
    }

    /** Parses plan bytes (e.g. a plan from {@code git show}), decoded as strict UTF-8. */
    public static Plan parse(byte[] bytes, String displayName) {
        return parse(PlanText.decode(bytes, displayName), displayName);
    }

    /** Parses plan text (already decoded). */
    public static Plan parse(String text, String displayName) {
        return new PlanReader(displayName).parse(PlanText.splitLines(text));
    }
}
