package io.sqlitch.engine;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The sqlite3 shell's error text: SQLite's own message, the result-code suffix, and the marker under the error. */
final class ShellErrors {

    private static final Pattern DRIVER_MESSAGE = Pattern.compile("(?s)^\\[[A-Z_0-9]+\\][^(]*\\((.*)\\)$");

    private ShellErrors() {
    }

    /** SQLite's own error message, without the driver's "[SQLITE_...] description (...)" wrapping. */
    static String message(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SQLiteException sqlite) {
            String prefix = sqlite.getResultCode().toString() + " (";
            if (message.startsWith(prefix) && message.endsWith(")")) {
                return message.substring(prefix.length(), message.length() - 1);
            }
        }
        Matcher m = DRIVER_MESSAGE.matcher(message);
        return m.matches() ? m.group(1) : message;
    }

    /** The shell appends " (rc)" for primary result codes above SQLITE_ERROR. */
    static String codeSuffix(SQLException e) {
        int code = e instanceof SQLiteException s && s.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR
                ? s.getResultCode().code : e.getErrorCode();
        code &= 0xff;
        return code > 1 ? " (" + code + ")" : "";
    }

    /** The shell's shell_error_context(): the statement (from its start) and a marker under the error. */
    static String context(String rest, int offset) {
        byte[] b = rest.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int iOffset = offset;
        while (iOffset > 50 && start < b.length) {
            iOffset--;
            start++;
            while (start < b.length && (b[start] & 0xc0) == 0x80) {
                start++;
                iOffset--;
            }
        }
        int len = b.length - start;
        if (len > 78) {
            len = 78;
            while (start + len < b.length && (b[start + len] & 0xc0) == 0x80) {
                len--;
            }
        }
        byte[] code = new byte[len];
        for (int i = 0; i < len; i++) {
            byte c = b[start + i];
            code[i] = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' ? (byte) ' ' : c;
        }
        String codeText = new String(code, StandardCharsets.UTF_8);
        iOffset = Math.max(iOffset, 0);
        if (iOffset < 25) {
            return "\n  " + codeText + "\n  " + " ".repeat(iOffset) + "^--- error here";
        }
        return "\n  " + codeText + "\n  " + " ".repeat(iOffset - 14) + "error here ---^";
    }
}
