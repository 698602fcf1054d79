package io.carmarket.api.inventory;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.search.SortDirection;

import java.util.List;
import java.util.Objects;

/**
 * Every car of one dealer, in every state, with the fields the public search hides. Who may ask for which dealer
 * is decided before the query is sent (a dealer their own, an admin or auditor any named dealer).
 *
 * @param dealerId  whose cars
 * @param statuses  any of these states; empty means all
 * @param make      exactly this make, case- and accent-insensitive; null means any
 * @param q         words that each start a word of make, model, variant, VIN or licence plate; null means any
 * @param sort      the order, ties broken by car id
 * @param direction ascending or descending
 * @param cursor    the {@code nextCursor} of the previous page, optional
 * @param limit     page size, 1 to {@link #MAX_LIMIT}
 */
public record DealerCarsQuery(String dealerId, List<CarStatus> statuses, String make, String q,
                              DealerCarSortField sort, SortDirection direction, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public DealerCarsQuery {
        Objects.requireNonNull(dealerId, "dealerId");
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        sort = sort == null ? DealerCarSortField.LISTED_AT : sort;
        direction = direction == null ? SortDirection.DESC : direction;
    }
}
