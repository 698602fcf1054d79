package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The booking's customer, the car's dealer or an admin cancels a booking before it starts. */
public record CancelBooking(
        @TargetAggregateIdentifier String carId,
        String bookingId,
        Actor requestedBy,
        String note) {
}
