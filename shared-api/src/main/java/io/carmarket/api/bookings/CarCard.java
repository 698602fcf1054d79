package io.carmarket.api.bookings;

/**
 * What a list of bookings or purchase reservations shows of the car: enough to recognise it, nothing that
 * identifies the individual vehicle. Any part may be null when the read model has not seen the car's listing.
 */
public record CarCard(String make, String model, String city, String primaryImageUrl) {
}
