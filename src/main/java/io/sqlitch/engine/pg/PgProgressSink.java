package io.sqlitch.engine.pg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A script's psql output cut into the lines the progress line prints, its stderr kept for the caller. */
final class PgProgressSink implements PsqlSink {

    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();
    private final List<String> errors = new ArrayList<>();

    PgProgressSink(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void out(String text) {
        pending.append(text);
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            lines.accept(pending.substring(0, nl));
            pending.delete(0, nl + 1);
        }
    }

    @Override
    public void err(String line) {
        errors.add(line);
    }

    /** The last line without its newline, if any. */
    void flush() {
        if (pending.length() > 0) {
            lines.accept(pending.toString());
            pending.setLength(0);
        }
    }

    List<String> errors() {
        return errors;
    }
}
