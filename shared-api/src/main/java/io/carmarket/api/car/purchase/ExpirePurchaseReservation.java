package io.carmarket.api.car.purchase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the system when a reservation is still unconfirmed at its expiry. */
public record ExpirePurchaseReservation(@TargetAggregateIdentifier String carId, String reservationId) {
}
