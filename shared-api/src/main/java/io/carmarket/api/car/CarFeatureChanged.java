package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CarFeatureChanged(String carId, boolean featured) {
}
