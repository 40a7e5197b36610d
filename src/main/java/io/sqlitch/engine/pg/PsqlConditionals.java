package io.sqlitch.engine.pg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** psql's {@code \if} stack for one file: whether the current branch runs, and the errors psql gives. */
final class PsqlConditionals {

    private enum State { TRUE, FALSE, ELSE_TRUE, ELSE_FALSE, IGNORED }

    private final Deque<State> stack = new ArrayDeque<>();

    boolean active() {
        State top = stack.peek();
        return top == null || top == State.TRUE || top == State.ELSE_TRUE;
    }

    boolean open() {
        return !stack.isEmpty();
    }

    /** {@code \if}: value is only read in an active branch. */
    void ifCommand(boolean value) {
        stack.push(!active() ? State.IGNORED : value ? State.TRUE : State.FALSE);
    }

    /** Whether an {@code \elif} here must evaluate its expression. */
    boolean elifEvaluates() {
        return stack.peek() == State.FALSE;
    }

    Optional<String> elif(boolean value) {
        State top = stack.peek();
        if (top == null) {
            return Optional.of("\\elif: no matching \\if");
        }
        if (top == State.ELSE_TRUE || top == State.ELSE_FALSE) {
            return Optional.of("\\elif: cannot occur after \\else");
        }
        stack.pop();
        stack.push(switch (top) {
            case TRUE -> State.IGNORED;
            case FALSE -> value ? State.TRUE : State.FALSE;
            default -> State.IGNORED;
        });
        return Optional.empty();
    }

    Optional<String> elseCommand() {
        State top = stack.peek();
        if (top == null) {
            return Optional.of("\\else: no matching \\if");
        }
        if (top == State.ELSE_TRUE || top == State.ELSE_FALSE) {
            return Optional.of("\\else: cannot occur after \\else");
        }
        stack.pop();
        stack.push(top == State.FALSE ? State.ELSE_TRUE : State.ELSE_FALSE);
        return Optional.empty();
    }

    Optional<String> endif() {
        if (stack.isEmpty()) {
            return Optional.of("\\endif: no matching \\if");
        }
        stack.pop();
        return Optional.empty();
    }
}
