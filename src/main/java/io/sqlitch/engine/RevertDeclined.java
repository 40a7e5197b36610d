package io.sqlitch.engine;

import io.sqlitch.SqitchException;

/** The soft "Nothing reverted" after a declined prompt; {@code withTarget}: Sqitch's revert:confirm ident. */
public final class RevertDeclined extends SqitchException {
    private final boolean withTarget;

    RevertDeclined(boolean withTarget) {
        super("Nothing reverted", 1);
        this.withTarget = withTarget;
    }

    /** True when the question named a change ({@code --to}); rebase then stops. */
    public boolean withTarget() {
        return withTarget;
    }
}
