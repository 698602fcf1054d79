package io.carmarket.api.negotiation;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** The party that received the latest offer answers with an offer of its own. */
public record MakeOffer(@TargetAggregateIdentifier String negotiationId, Actor requestedBy, BigDecimal amount,
                        String message) {
}
