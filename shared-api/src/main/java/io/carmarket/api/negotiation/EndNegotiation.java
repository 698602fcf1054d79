package io.carmarket.api.negotiation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the negotiation process when the car was sold to someone else while the negotiation was open. */
public record EndNegotiation(@TargetAggregateIdentifier String negotiationId, String reason) {
}
