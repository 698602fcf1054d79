package io.carmarket.api.car;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer books a car for whole days {@code [period.startDate, period.endDate)}. */
public record BookCar(
        @TargetAggregateIdentifier String carId,
        String bookingId,
        String customerId,
        DateRange period,
        String notes) {
}
