package io.sqlitch.plan;

/** Who planned a change or tag: the name and email exactly as in the plan (the name may keep trailing blanks). */
public record Planner(String name, String email) {

    /** {@code Name <email>}, as written in the plan and in IDs. */
    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
