package io.sqlitch.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A small streaming JSON writer (RFC 8259), pretty-printed with two-space indents, so the plugin needs no JSON
 * library. Callers nest {@link #beginObject()}/{@link #beginArray()} and give each object member a {@link #name}.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** An open object or array: its closing bracket, and whether it has had a member yet. */
    private static final class Container {
        final char closer;
        boolean hasMembers;

        Container(char closer) {
            this.closer = closer;
        }
    }

    private final Deque<Container> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new Container('}'));
        return this;
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new Container(']'));
        return this;
    }

    public JsonWriter endArray() {
        return close(']');
    }

    /** An object member's name; the next call writes its value. */
    public JsonWriter name(String name) {
        if (open.isEmpty() || open.peek().closer != '}' || afterName) {
            throw new IllegalStateException("name outside an object: " + name);
        }
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /** A string, or {@code null}. */
    public JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** An array of strings written on one line. */
    public JsonWriter strings(List<String> values) {
        beforeValue();
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            if (values.get(i) == null) {
                out.append("null");
            } else {
                quote(values.get(i));
            }
        }
        out.append(']');
        return this;
    }

    /** The document, ending with a newline. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out + "\n";
    }

    /** Writes {@code document} to {@code file} atomically (temp file beside it, then a rename), creating its directory. */
    public static void write(Path file, String document) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, document, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code text} as a JSON string literal. */
    public static String quoted(String text) {
        JsonWriter w = new JsonWriter();
        w.quote(text);
        return w.out.toString();
    }

    private JsonWriter close(char bracket) {
        if (open.isEmpty() || open.peek().closer != bracket || afterName) {
            throw new IllegalStateException("nothing to close with " + bracket);
        }
        boolean hadMembers = open.pop().hasMembers;
        if (hadMembers) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!open.isEmpty()) {
            if (open.peek().closer == '}') {
                throw new IllegalStateException("an object member needs a name");
            }
            separate();
        } else if (out.length() > 0) {
            throw new IllegalStateException("a JSON document has one top-level value");
        }
    }

    private void separate() {
        Container container = open.peek();
        if (container.hasMembers) {
            out.append(',');
        }
        container.hasMembers = true;
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(open.size()));
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/2029 too, so the text is also valid JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
