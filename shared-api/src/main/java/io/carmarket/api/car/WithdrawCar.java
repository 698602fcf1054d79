package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The car's dealer (or an admin) takes the car off the market; it takes no new bookings until relisted. */
public record WithdrawCar(@TargetAggregateIdentifier String carId, Actor requestedBy) {
}
