package io.carmarket.api.bookings;

import io.carmarket.api.identity.Actor;

/** One booking, if the viewer may see it (its customer, the car's dealer, an admin or an auditor); else empty. */
public record BookingById(Actor viewer, String bookingId) {
}
