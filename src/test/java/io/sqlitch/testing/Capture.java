package io.sqlitch.testing;

import io.sqlitch.SqitchException;
import io.sqlitch.command.CommandResult;
import io.sqlitch.console.Output;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** An {@link Output} that records stdout/stderr text as the sqitch executable would print them. */
public final class Capture implements Output {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringBuilder err = new StringBuilder();

    @Override
    public void info(String line) {
        emit(line);
    }

    @Override
    public void emit(String line) {
        out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void emitRaw(byte[] bytes) {
        out.writeBytes(bytes);
        out.write('\n');
    }

    @Override
    public void warn(String line) {
        err.append("warning: ").append(line).append('\n');
    }

    @Override
    public void vent(String line) {
        err.append(line).append('\n');
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Stdout's bytes, as written (raw script bytes included). */
    public byte[] stdoutBytes() {
        return out.toByteArray();
    }

    public String stderr() {
        return err.toString();
    }

    /**
     * Runs a command as sqitch's main would: a soft outcome's text goes to stdout, an outcome's exit value is the
     * exit, and an exception prints its message (soft on stdout) and sets the exit.
     */
    public RealSqitch.Result run(Supplier<? extends CommandResult<?>> command) {
        int rc = 0;
        try {
            CommandResult<?> result = command.get();
            rc = result.exitValue();
            if (result.isSoft()) {
                emit(result.message());
            }
        } catch (SqitchException e) {
            rc = e.exitValue();
            if (e.isSoft()) {
                emit(e.getMessage());
            } else {
                err.append(e.getMessage()).append('\n');
            }
        }
        return new RealSqitch.Result(stdout(), stderr(), rc);
    }
}
