package io.sqlitch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding of the files Sqitch reads (plan, config): an invalid byte is found by its line, never replaced. */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Where the first invalid sequence is: its 1-based line and the byte that starts it. */
    public record Invalid(int line, int firstByte) {
    }

    /** The text, or empty when the bytes are not valid UTF-8 (then {@link #findInvalid} says where). */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The first invalid sequence of bytes that {@link #decode} rejected. */
    public static Invalid findInvalid(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xff;
            int len = Math.min(b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1, bytes.length - i);
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                return new Invalid(line, b);
            }
            if (b == '\n') {
                line++;
            }
            i += len;
        }
        return new Invalid(line, 0);
    }
}
