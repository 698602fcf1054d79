package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The car's dealer (or an admin) confirms a booking that touched a peak window. */
public record ApproveBooking(@TargetAggregateIdentifier String carId, String bookingId, Actor requestedBy) {
}
