package io.carmarket.api.negotiation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the negotiation process when the car could not be reserved after acceptance. */
public record FailNegotiation(@TargetAggregateIdentifier String negotiationId, String reasonCode, String reason) {
}
