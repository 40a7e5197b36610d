package io.sqlitch.plan;

/**
 * A blank or comment-only line.
 *
 * @param lspace the leading blanks (the whole line when it is only blanks)
 * @param note   the unescaped comment, "" for a blank line
 */
public record BlankLine(String lspace, String note) implements PlanLine {

    public static BlankLine empty() {
        return new BlankLine("", "");
    }

    @Override
    public String asString() {
        return lspace + Notes.format(note);
    }
}
