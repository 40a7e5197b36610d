package io.sqlitch.command;

/**
 * How a command ended, as Sqitch's exit value tells it, and what it found for callers that want data rather than
 * text (JSON files, build properties). Sqitch's error messages stay {@link io.sqlitch.SqitchException}s.
 *
 * @param outcome ok, soft or error
 * @param message a soft outcome's text, which Sqitch prints on stdout ({@code No changes deployed}; "" is one
 *                empty line); an error's description for callers that need words (Sqitch prints none); null when ok
 * @param value   the command's data (a status report, the events logged...), also with a soft outcome; or null
 * @param <T>     the data's type ({@link Void} for commands that only print)
 */
public record CommandResult<T>(Outcome outcome, String message, T value) {

    /** The exit value Sqitch gives each outcome is its ordinal. */
    public enum Outcome {
        /** Exit 0. */
        OK,
        /** Exit 1: a notice such as {@code No changes deployed}; the build still succeeds. */
        SOFT,
        /** Exit 2 without a message of Sqitch's, e.g. {@code show --exists} of a missing object. */
        ERROR
    }

    public static <T> CommandResult<T> ok() {
        return new CommandResult<>(Outcome.OK, null, null);
    }

    public static <T> CommandResult<T> ok(T value) {
        return new CommandResult<>(Outcome.OK, null, value);
    }

    public static <T> CommandResult<T> soft(String message) {
        return new CommandResult<>(Outcome.SOFT, message, null);
    }

    public static <T> CommandResult<T> soft(String message, T value) {
        return new CommandResult<>(Outcome.SOFT, message, value);
    }

    public static <T> CommandResult<T> error(String description) {
        return new CommandResult<>(Outcome.ERROR, description, null);
    }

    public int exitValue() {
        return outcome.ordinal();
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    public boolean isSoft() {
        return outcome == Outcome.SOFT;
    }
}
