package io.carmarket.api.negotiations;

import io.carmarket.api.identity.Actor;

/**
 * One negotiation with its whole offer history, if the viewer may see it (its buyer, the car's dealer, an admin or
 * an auditor); else empty.
 */
public record NegotiationById(Actor viewer, String negotiationId) {
}
