package io.carmarket.support.security;

import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;

import java.security.Principal;

/** The user an access token speaks for. {@link #getName()} is the user id. */
public record AuthenticatedUser(String userId, Role role) implements Principal {

    @Override
    public String getName() {
        return userId;
    }

    public Actor actor() {
        return new Actor(userId, role);
    }
}
