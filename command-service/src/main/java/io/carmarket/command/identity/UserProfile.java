package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;

import java.time.Instant;

/** What a user may see of their own account. */
public record UserProfile(String id, String email, String name, Role role, Instant createdAt) {

    static UserProfile of(UserAccount account) {
        return new UserProfile(account.id(), account.email(), account.name(), account.role(), account.createdAt());
    }
}
