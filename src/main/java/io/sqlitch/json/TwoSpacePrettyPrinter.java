package io.sqlitch.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The layout the reports have always had: members and array elements one per line with two-space indents,
 * {@code "name": value}, empty containers as {@code {}} and {@code []}, and arrays of strings on one line
 * ({@code ["@v1", "@v2"]}) when {@link #inlineNextArray()} announces them. One instance per generator.
 */
final class TwoSpacePrettyPrinter implements PrettyPrinter {

    private int depth;
    private boolean inlineNext;
    /** For every open array, whether it is written on one line. */
    private final Deque<Boolean> inlineArrays = new ArrayDeque<>();

    /** The next array is written on one line. */
    void inlineNextArray() {
        inlineNext = true;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        // JsonWriter refuses a second root value before it gets here.
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newline(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        inlineArrays.push(inlineNext);
        inlineNext = false;
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (!inlineArrays.peek()) {
            newline(g);
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        if (inlineArrays.peek()) {
            g.writeRaw(", ");
        } else {
            g.writeRaw(',');
            newline(g);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (!inlineArrays.pop() && values > 0) {
            newline(g);
        }
        g.writeRaw(']');
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
            g.writeRaw("  ");
        }
    }
}
