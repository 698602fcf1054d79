package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The car's dealer (or an admin) declines a booking awaiting approval; its dates become free. */
public record RejectBooking(@TargetAggregateIdentifier String carId, String bookingId, String reason,
                            Actor requestedBy) {
}
