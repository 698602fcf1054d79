package io.carmarket.api.negotiation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the system when offer number {@code offerNumber} is still unanswered at its expiry. */
public record ExpireOffer(@TargetAggregateIdentifier String negotiationId, int offerNumber) {
}
