package io.sqlitch.maven;

import io.sqlitch.console.Output;

/**
 * An output that passes every line on to another, after {@link #seen} has looked at each stdout line: the one
 * shape of the goal's output chain (failure recorder, summary counter, console results).
 */
abstract class ForwardingOutput implements Output {

    private final Output delegate;

    ForwardingOutput(Output delegate) {
        this.delegate = delegate;
    }

    /** A stdout line ({@code info} or {@code emit}) on its way through; nothing by default. */
    void seen(String line) {
    }

    @Override
    public void info(String line) {
        seen(line);
        delegate.info(line);
    }

    @Override
    public void emit(String line) {
        seen(line);
        delegate.emit(line);
    }

    @Override
    public void warn(String line) {
        delegate.warn(line);
    }

    @Override
    public void vent(String line) {
        delegate.vent(line);
    }
}
