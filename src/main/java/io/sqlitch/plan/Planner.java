package io.sqlitch.plan;

/** Who planned a change or tag: the name and email exactly as in the plan (the name may keep trailing blanks). */
public record Planner(String name, String email) {

    /** A planner from the configured identity, refused as Sqitch refuses it. */
    public static Planner checked(String name, String email) {
        if (name.contains("<") || name.startsWith("[")) {
            throw new io.sqlitch.SqitchException("User name may not contain \"<\" or start with \"[\"");
        }
        if (email.contains(">")) {
            throw new io.sqlitch.SqitchException("User email may not contain \">\"");
        }
        return new Planner(name, email);
    }

    /** {@code Name <email>}, as written in the plan and in IDs. */
    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
