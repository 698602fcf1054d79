package io.carmarket.api.inventory;

import io.carmarket.api.identity.Actor;

/**
 * One car of a dealer's inventory with its live bookings and its purchase reservation. Empty when the car does not
 * exist or is not the viewer's to see: a dealer sees only their own cars, admins and auditors every car.
 */
public record DealerCarQuery(Actor viewer, String carId) {
}
