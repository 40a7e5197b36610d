package io.sqlitch.registry;

import java.util.Objects;

/**
 * A person as the registry stores one: committer, planner, installer or creator. Deliberately not
 * {@link io.sqlitch.config.Identity}: that one validates the current user as Sqitch's UserName type does, while rows
 * written by other tools or plans (a planner named {@code [bot]}) must be read back as they are.
 */
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
