package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;


@Revision("1")
public record OfferExpired(String negotiationId, int offerNumber) {
}
