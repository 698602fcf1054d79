package io.carmarket.api.negotiation;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer walks away while the negotiation is open. */
public record CancelNegotiation(@TargetAggregateIdentifier String negotiationId, Actor requestedBy) {
}
