package io.carmarket.api.reservations;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.identity.Actor;

import java.util.List;

/**
 * The purchase reservations a user may see, newest first: a customer their own, a dealer those of their cars, an
 * admin or an auditor all of them.
 *
 * @param statuses any of these statuses; empty means all
 * @param cursor   the {@code nextCursor} of the previous page, optional
 * @param limit    page size, 1 to {@link #MAX_LIMIT}
 */
public record PurchaseReservationSearch(Actor viewer, List<PurchaseReservationStatus> statuses, String cursor,
                                        int limit) {

    public static final int MAX_LIMIT = 100;

    public PurchaseReservationSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
