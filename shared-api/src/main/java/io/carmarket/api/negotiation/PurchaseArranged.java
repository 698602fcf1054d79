package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;


@Revision("1")
public record PurchaseArranged(String negotiationId, String reservationId, String orderNumber) {
}
