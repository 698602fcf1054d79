package io.carmarket.api.car;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the system when a booking awaiting approval has passed its approval deadline unanswered. */
public record ExpireBookingApproval(@TargetAggregateIdentifier String carId, String bookingId) {
}
