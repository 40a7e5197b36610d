package io.sqlitch.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson's JSON escapes, plus DEL, U+2028 and U+2029 (so the text is also valid JavaScript), every
 * {@code \\uXXXX} in lower-case hex as the reports have always been written.
 */
final class JavaScriptSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii = standardAsciiEscapesForJSON();

    JavaScriptSafeEscapes() {
        for (int c = 0; c < ascii.length; c++) {
            if (ascii[c] == ESCAPE_STANDARD || c == 0x7f) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
        if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
            return new SerializedString(String.format("\\u%04x", c));
        }
        return null;
    }
}
