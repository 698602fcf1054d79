package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;

import java.util.Currency;

/** A buyer opened a negotiation on a car; the opening offer follows as {@link OfferMade} number 1. */
@Revision("1")
public record NegotiationOpened(String negotiationId, String carId, String dealerId, String buyerId,
                                Currency currency) {
}
