package io.sqlitch.plan;

import io.sqlitch.SqitchException;
import io.sqlitch.StrictUtf8;

import java.util.ArrayList;
import java.util.List;

/** Plan bytes to lines: strict UTF-8 decoding and Perl's line splitting. */
final class PlanText {

    private PlanText() {
    }

    /** Strict UTF-8 decoding; an invalid sequence is reported with the line it is on. */
    static String decode(byte[] bytes, String displayName) {
        return StrictUtf8.decode(bytes).orElseThrow(() -> {
            StrictUtf8.Invalid bad = StrictUtf8.findInvalid(bytes);
            // Sqitch dies with "Can't decode ill-formed UTF-8 octet sequence <FF> at .../Plan.pm line 192.";
            // we name the plan file and line instead of Perl's source location.
            return new SqitchException(String.format("Can't decode ill-formed UTF-8 octet sequence <%02X> in %s at line %d",
                    bad.firstByte(), displayName, bad.line()));
        });
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
