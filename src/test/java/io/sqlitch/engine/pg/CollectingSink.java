package io.sqlitch.engine.pg;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a script printed: stdout as one text, stderr as lines. */
final class CollectingSink implements PsqlSink {

    final StringBuilder out = new StringBuilder();
    final List<String> err = new ArrayList<>();

    @Override
    public synchronized void out(String text) {
        out.append(text);
    }

    @Override
    public synchronized void err(String line) {
        err.add(line);
    }

    /** stderr as psql's stream: each line with its newline. */
    String errText() {
        StringBuilder s = new StringBuilder();
        err.forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }
}
