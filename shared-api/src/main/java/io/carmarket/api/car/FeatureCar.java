package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin features a car on the marketplace's front page, or stops featuring it. */
public record FeatureCar(@TargetAggregateIdentifier String carId, boolean featured, Actor requestedBy) {
}
