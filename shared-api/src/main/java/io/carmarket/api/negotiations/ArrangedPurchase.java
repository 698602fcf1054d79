package io.carmarket.api.negotiations;

/** The purchase reservation that an accepted negotiation led to (see {@code GET /purchase-reservations/{id}}). */
public record ArrangedPurchase(String reservationId, String orderNumber) {
}
