package io.sqlitch.console;

import java.nio.charset.StandardCharsets;

/**
 * Where a command writes what Sqitch would print. One call is one whole line, without its newline.
 *
 * <p>Sqitch's channels: {@code info} and {@code emit} go to stdout ({@code info} is silenced by
 * {@code --quiet}), {@code comment} is stdout with a {@code "# "} prefix, {@code warn} goes to stderr
 * with a {@code "warning: "} prefix, and {@code vent} goes to stderr as is.
 */
public interface Output {

    /** A progress line on stdout, suppressed by {@code --quiet}. */
    void info(String line);

    /** A result line on stdout, always printed. */
    void emit(String line);

    /** A warning on stderr. */
    void warn(String line);

    /** An error detail on stderr (for example the SQLite error before {@code Deploy failed}). */
    void vent(String line);

    /**
     * Bytes on stdout as they are, then a newline: {@code show} prints a script so, assuming nothing about its
     * encoding. By default the bytes decoded as UTF-8 and emitted.
     */
    default void emitRaw(byte[] bytes) {
        emit(new String(bytes, StandardCharsets.UTF_8));
    }

    /** A stdout line prefixed with {@code "# "}; an empty comment is {@code "# "} with its trailing space. */
    default void comment(String line) {
        emit("# " + line);
    }

    /** Same as {@link #info(String)}, for each line of a multi-line text. */
    default void infoLines(String text) {
        for (String line : text.split("\n", -1)) {
            info(line);
        }
    }
}
