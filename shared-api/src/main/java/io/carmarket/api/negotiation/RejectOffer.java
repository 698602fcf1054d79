package io.carmarket.api.negotiation;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectOffer(@TargetAggregateIdentifier String negotiationId, Actor requestedBy, String reason) {
}
