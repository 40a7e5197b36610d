package io.sqlitch.registry;

import java.util.Objects;

/** A person as the registry stores one: committer, planner, installer or creator. */
public record Identity(String name, String email) {

    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /** {@code Name <email>}, as status and log print it. */
    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
