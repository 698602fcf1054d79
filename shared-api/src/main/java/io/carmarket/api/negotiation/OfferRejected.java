package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;


@Revision("1")
public record OfferRejected(String negotiationId, int offerNumber, Party rejectedBy, String reason) {
}
