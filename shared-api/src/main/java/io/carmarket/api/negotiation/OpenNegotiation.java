package io.carmarket.api.negotiation;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A customer opens a negotiation on a car offered for sale with a first offer. {@code dealerId} and
 * {@code currency} are the car's, as the read side knows them when the negotiation opens.
 */
public record OpenNegotiation(@TargetAggregateIdentifier String negotiationId, String carId, String dealerId,
                              Currency currency, Actor buyer, BigDecimal amount, String message) {
}
