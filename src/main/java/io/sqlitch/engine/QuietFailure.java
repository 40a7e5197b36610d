package io.sqlitch.engine;

import io.sqlitch.SqitchException;

/** A failure whose message Sqitch does not print where it is caught ({@code hurl private}). */
final class QuietFailure extends SqitchException {
    QuietFailure(String message) {
        super(message);
    }
}
