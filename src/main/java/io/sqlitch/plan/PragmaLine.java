package io.sqlitch.plan;

/**
 * A {@code %name=value} header line; every blank run is kept so the rewrite is verbatim.
 *
 * @param value the value with trailing blanks removed, or null when there is no {@code =}
 * @param note  the unescaped inline note, "" when none
 */
public record PragmaLine(String lspace, String hspace, String name, String lopspace, String operator,
                         String ropspace, String value, String rspace, String note) implements PlanLine {

    /** The line Sqitch inserts when a plan has no {@code %syntax-version}. */
    public static PragmaLine syntaxVersion() {
        return new PragmaLine("", "", "syntax-version", "", "=", "", Plan.SYNTAX_VERSION, "", "");
    }

    /** A plain {@code %name=value} line as {@code sqitch init} writes it. */
    public static PragmaLine of(String name, String value) {
        return new PragmaLine("", "", name, "", "=", "", value, "", "");
    }

    @Override
    public String asString() {
        return lspace + "%" + hspace + name + lopspace + operator + ropspace + (value == null ? "" : value)
                + rspace + Notes.format(note);
    }
}
