package io.carmarket.api.car.purchase;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelPurchaseReservation(@TargetAggregateIdentifier String carId, String reservationId, String reason,
                                        Actor requestedBy) {
}
