package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The car's dealer (or an admin) puts a withdrawn car back on the market. */
public record RelistCar(@TargetAggregateIdentifier String carId, Actor requestedBy) {
}
