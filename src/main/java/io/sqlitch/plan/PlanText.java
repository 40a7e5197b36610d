package io.sqlitch.plan;

import io.sqlitch.SqitchException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Plan bytes to lines: strict UTF-8 decoding and Perl's line splitting. */
final class PlanText {

    private PlanText() {
    }

    /** Strict UTF-8 decoding; an invalid sequence is reported with the line it is on. */
    static String decode(byte[] bytes, String displayName) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalidOffset(bytes);
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            // Sqitch dies with "Can't decode ill-formed UTF-8 octet sequence <FF> at .../Plan.pm line 192.";
            // we name the plan file and line instead of Perl's source location.
            throw new SqitchException(String.format("Can't decode ill-formed UTF-8 octet sequence <%02X> in %s at line %d",
                    bytes[bad] & 0xff, displayName, line));
        }
    }

    private static int firstInvalidOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xff;
            int len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            len = Math.min(len, bytes.length - i);
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                return i;
            }
            i += len;
        }
        return 0;
    }

    /** Lines as Perl's getline yields them, each with its trailing "\n" or "\r\n" removed. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
            if (nl >= 0 && line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            start = nl < 0 ? text.length() : nl + 1;
        }
        return lines;
    }
}
