package io.sqlitch.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Script bytes as text without losing any: valid UTF-8 decodes as usual, and each byte of an invalid sequence
 * becomes a lone low surrogate U+DC80..U+DCFF (Python's "surrogateescape"), which no valid UTF-8 decodes to.
 * {@link #encode} gives the original bytes back, so a statement reaches SQLite byte for byte as the sqlite3
 * client sends it ({@code 'caf\xe9'} stores {@code 63 61 66 E9}, not U+FFFD).
 */
final class RawText {

    private static final char ESCAPE_BASE = '\uDC00';

    private RawText() {
    }

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put((char) (ESCAPE_BASE + (in.get() & 0xff)));
                }
            }
        }
        out.flip();
        return out.toString();
    }

    /** True when the text holds escaped bytes (the file was not valid UTF-8 there). */
    static boolean hasEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes the text was decoded from. */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(text.charAt(i) - ESCAPE_BASE);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A low surrogate in U+DC80..U+DCFF with no high surrogate before it. */
    private static boolean isEscape(String text, int i) {
        char c = text.charAt(i);
        return c >= '\uDC80' && c <= '\uDCFF' && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
