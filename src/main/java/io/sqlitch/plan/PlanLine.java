package io.sqlitch.plan;

/** One line of a plan file, keeping what is needed to write it back exactly as Sqitch does. */
public sealed interface PlanLine permits PragmaLine, BlankLine, Change, Tag {

    /** The line as Sqitch writes it (without the trailing newline). */
    String asString();
}
