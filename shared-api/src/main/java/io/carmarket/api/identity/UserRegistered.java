package io.carmarket.api.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An account was created. Carries no name and no e-mail address: the event store keeps events forever, and what
 * its readers need (the platform's new users by month) is the id, the role and the time.
 */
@Revision("1")
public record UserRegistered(String userId, Role role, Instant registeredAt) {
}
