package io.sqlitch.engine;

import io.sqlitch.console.Output;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An Output that keeps every line with its channel, e.g. {@code info: ...}. */
final class RecordingOutput implements Output {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
        lines.add("info: " + line);
    }

    @Override
    public void emit(String line) {
        lines.add("emit: " + line);
    }

    @Override
    public void warn(String line) {
        lines.add("warn: " + line);
    }

    @Override
    public void vent(String line) {
        lines.add("vent: " + line);
    }
}
