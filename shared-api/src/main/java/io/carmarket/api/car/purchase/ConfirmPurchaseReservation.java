package io.carmarket.api.car.purchase;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmPurchaseReservation(@TargetAggregateIdentifier String carId, String reservationId,
                                         Actor requestedBy) {
}
