package io.carmarket.api.car;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelBooking(
        @TargetAggregateIdentifier String carId,
        String bookingId,
        String note) {
}
