package io.sqlitch;

/**
 * A failure Sqitch would report to the user: its message is Sqitch's text, shown without a stack trace.
 *
 * <p>Exit value 2 is an error (Sqitch prints it on stderr and the build fails); exit value 1 is a "soft"
 * outcome such as {@code No changes deployed}, printed on stdout, after which the build succeeds.
 */
public class SqitchException extends RuntimeException {

    private final int exitValue;

    public SqitchException(String message) {
        this(message, 2);
    }

    public SqitchException(String message, int exitValue) {
        super(message);
        this.exitValue = exitValue;
    }

    public SqitchException(String message, Throwable cause) {
        super(message, cause);
        this.exitValue = 2;
    }

    /** A soft outcome (exit 1): the message goes to stdout and the build still succeeds. */
    public static SqitchException soft(String message) {
        return new SqitchException(message, 1);
    }

    public int exitValue() {
        return exitValue;
    }

    public boolean isSoft() {
        return exitValue == 1;
    }
}
