package io.carmarket.api.reservations;

import java.util.List;

/** A page of purchase reservations, newest first; {@code nextCursor} is null on the last page. */
public record PurchaseReservationPage(List<PurchaseReservationView> items, String nextCursor) {

    public PurchaseReservationPage {
        items = List.copyOf(items);
    }
}
