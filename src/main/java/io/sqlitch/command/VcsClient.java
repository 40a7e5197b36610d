package io.sqlitch.command;

import io.sqlitch.SqitchException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VCS client ({@code core.vcs.client}, else {@code git}) as {@code checkout} runs it: in the working directory
 * with the run's environment and no input.
 */
final class VcsClient {

    private final CommandContext ctx;
    private final String client;

    VcsClient(CommandContext ctx) {
        this.ctx = ctx;
        this.client = ctx.config().get("core.vcs.client").filter(s -> !s.isEmpty()).orElse("git");
    }

    /**
     * Runs the client; its stderr passes through (Output.vent), and so does its stdout unless captured. A non-zero
     * exit is Sqitch's {@code "git" unexpectedly returned exit value N}.
     */
    String run(List<String> args, boolean capture) {
        Finished f = start(args);
        String out = new String(f.out(), StandardCharsets.UTF_8);
        for (String line : lines(new String(f.err(), StandardCharsets.UTF_8))) {
            ctx.out().vent(line);
        }
        if (!capture) {
            for (String line : lines(out)) {
                ctx.out().emit(line);
            }
        }
        if (f.rc() != 0) {
            // Sqitch's die handler turns IPC::System::Simple's " at FILE line N." into a newline: a blank line.
            throw new SqitchException("\"" + client + "\" unexpectedly returned exit value " + f.rc() + "\n");
        }
        return out;
    }

    /** A file as committed on {@code rev} ({@code git show rev:./path}), or empty when it has none. */
    Optional<byte[]> show(String rev, String path) {
        // Git reads a relative path from the repository root unless it starts with ./ (Sqitch #560).
        Finished f = start(List.of("show", rev + ":./" + path));
        return f.rc() == 0 ? Optional.of(f.out()) : Optional.empty();
    }

    private record Finished(int rc, byte[] out, byte[] err) {
    }

    private Finished start(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(client);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(ctx.run().directory().toFile());
        pb.environment().clear();
        pb.environment().putAll(ctx.run().environment());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path outFile = null;
        Path errFile = null;
        try {
            outFile = Files.createTempFile("sqlitch-vcs", ".out");
            errFile = Files.createTempFile("sqlitch-vcs", ".err");
            pb.redirectOutput(outFile.toFile());
            pb.redirectError(errFile.toFile());
            int rc;
            try {
                rc = pb.start().waitFor();
            } catch (IOException e) {
                throw new SqitchException("\"" + client + "\" failed to start: \"" + e.getMessage() + "\"", e);
            }
            return new Finished(rc, Files.readAllBytes(outFile), Files.readAllBytes(errFile));
        } catch (IOException e) {
            throw new SqitchException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqitchException("Interrupted while running " + client, e);
        } finally {
            deleteQuietly(outFile);
            deleteQuietly(errFile);
        }
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
