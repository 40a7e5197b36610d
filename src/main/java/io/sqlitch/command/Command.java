package io.sqlitch.command;

/**
 * One Sqitch verb: constructed over the run's {@link CommandContext}, given its options, it prints to the context's
 * output and returns its outcome and data. Every command is invoked this one way.
 *
 * @param <O> the options
 * @param <R> the data the result carries ({@link Void}: none)
 */
public interface Command<O, R> {

    /** Runs the command; Sqitch's errors are thrown as {@link io.sqlitch.SqitchException}s. */
    CommandResult<R> execute(O options);
}
