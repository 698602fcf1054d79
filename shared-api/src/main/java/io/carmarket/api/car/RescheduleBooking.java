package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a booking to other dates before it starts; the new dates obey every booking rule. */
public record RescheduleBooking(@TargetAggregateIdentifier String carId, String bookingId, DateRange newPeriod,
                                Actor requestedBy) {
}
