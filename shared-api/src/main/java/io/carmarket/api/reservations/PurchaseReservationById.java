package io.carmarket.api.reservations;

import io.carmarket.api.identity.Actor;

/** One purchase reservation, if the viewer may see it (its customer, the car's dealer, admins, auditors). */
public record PurchaseReservationById(Actor viewer, String reservationId) {
}
