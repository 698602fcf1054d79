package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CarRelisted(String carId) {
}
