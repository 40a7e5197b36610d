package io.sqlitch.engine;

import java.util.function.Consumer;

/**
 * A progress line Sqitch prints in pieces ({@code "  + users .. "} then {@code ok}): kept until it is complete,
 * because {@link io.sqlitch.console.Output} takes whole lines. Script output or a comment in between ends the
 * pending piece as it would on a terminal.
 */
final class ProgressLine {

    private final Consumer<String> sink;
    private String pending = "";

    ProgressLine(Consumer<String> sink) {
        this.sink = sink;
    }

    /** {@code "  + name .." + dots + " "}: dots pad every name to {@code maxLength} characters. */
    void start(String bullet, String name, int maxLength) {
        pending = bullet + name + " .." + ".".repeat(Math.max(0, maxLength - length(name))) + " ";
    }

    /** A line of script output or a comment: it continues the pending piece. */
    void line(String text) {
        sink.accept(pending + text);
        pending = "";
    }

    /** The closing word ({@code ok}, {@code not ok}). */
    void finish(String word) {
        line(word);
    }

    /** Perl's length of a character string: code points. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
