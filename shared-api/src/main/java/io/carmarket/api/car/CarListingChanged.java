package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CarListingChanged(String carId, ListingChanges changes) {
}
