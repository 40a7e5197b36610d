package io.sqlitch.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.sqlitch.FileWrite;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One JSON document through Jackson's streaming generator, in the reports' layout ({@link TwoSpacePrettyPrinter})
 * and escapes ({@link JavaScriptSafeEscapes}). Callers nest {@link #beginObject()}/{@link #beginArray()} and give
 * each object member a {@link #name}; a malformed sequence is an {@link IllegalStateException}.
 */
public final class JsonWriter {

    /** Thread-safe once built; holds configuration only. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final StringWriter out = new StringWriter();
    private final TwoSpacePrettyPrinter printer = new TwoSpacePrettyPrinter();
    private final JsonGenerator generator;

    public JsonWriter() {
        try {
            generator = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setPrettyPrinter(printer);
        generator.setCharacterEscapes(new JavaScriptSafeEscapes());
    }

    public JsonWriter beginObject() {
        return write(JsonGenerator::writeStartObject);
    }

    public JsonWriter endObject() {
        return write(JsonGenerator::writeEndObject);
    }

    public JsonWriter beginArray() {
        return write(JsonGenerator::writeStartArray);
    }

    public JsonWriter endArray() {
        return write(JsonGenerator::writeEndArray);
    }

    /** An object member's name; the next call writes its value. */
    public JsonWriter name(String name) {
        return write(g -> g.writeFieldName(name));
    }

    /** A string, or {@code null}. */
    public JsonWriter value(String value) {
        return write(g -> g.writeString(value));
    }

    public JsonWriter value(long value) {
        return write(g -> g.writeNumber(value));
    }

    public JsonWriter value(boolean value) {
        return write(g -> g.writeBoolean(value));
    }

    /** An array of strings (or nulls) written on one line. */
    public JsonWriter strings(List<String> values) {
        return write(g -> {
            printer.inlineNextArray();
            g.writeStartArray();
            for (String value : values) {
                g.writeString(value);
            }
            g.writeEndArray();
        });
    }

    /** The document, ending with a newline. */
    @Override
    public String toString() {
        JsonStreamContext context = generator.getOutputContext();
        if (!context.inRoot()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /**
     * Writes {@code document} to {@code file} as {@link FileWrite#atomically} does, creating its directory; a failure
     * is a {@link io.sqlitch.SqitchException} naming the file. ({@code throws IOException} stays for the callers that
     * still catch it.)
     */
    public static void write(Path file, String document) throws IOException {
        FileWrite.atomically(file, document);
    }

    private interface Step {
        void on(JsonGenerator generator) throws IOException;
    }

    private JsonWriter write(Step step) {
        JsonStreamContext context = generator.getOutputContext();
        if (context.inRoot() && context.getEntryCount() > 0) {
            throw new IllegalStateException("a JSON document has one top-level value");
        }
        try {
            step.on(generator);
        } catch (JsonGenerationException e) {
            throw new IllegalStateException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
