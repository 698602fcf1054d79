package io.carmarket.api.identity;

import java.util.Objects;

/** Who asks for a command: the authenticated user's id and role, taken from the access token. */
public record Actor(String userId, Role role) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean hasAdminRole() {
        return role == Role.ADMIN;
    }

    public boolean is(String otherUserId) {
        return userId.equals(otherUserId);
    }
}
