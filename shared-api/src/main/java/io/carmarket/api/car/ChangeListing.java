package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The car's dealer (or an admin) changes details and prices of a listing. */
public record ChangeListing(@TargetAggregateIdentifier String carId, ListingChanges changes, Actor requestedBy) {
}
