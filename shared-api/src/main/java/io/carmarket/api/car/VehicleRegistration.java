package io.carmarket.api.car;

/** Identifies the individual vehicle. Never part of a public response. */
public record VehicleRegistration(String vin, String licensePlate) {
}
