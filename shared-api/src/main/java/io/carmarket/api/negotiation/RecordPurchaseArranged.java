package io.carmarket.api.negotiation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the negotiation process when the car was reserved for the buyer at the agreed price. */
public record RecordPurchaseArranged(@TargetAggregateIdentifier String negotiationId, String reservationId,
                                     String orderNumber) {
}
