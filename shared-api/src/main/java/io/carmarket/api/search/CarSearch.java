package io.carmarket.api.search;

import io.carmarket.api.car.DateRange;

import java.math.BigDecimal;
import java.util.List;

/**
 * The public car search.
 *
 * @param makes        any of these makes (case-insensitive); empty means all
 * @param priceType    which price {@code minPrice}, {@code maxPrice} and a price sort apply to
 * @param minPrice     inclusive lower bound, optional
 * @param maxPrice     inclusive upper bound, optional
 * @param availability when present, every item says whether the car is free for this whole range
 * @param sortField    what to order by
 * @param direction    ascending or descending
 * @param cursor       opaque position returned as {@code nextCursor} by the previous page, optional
 * @param limit        page size, 1 to {@link #MAX_LIMIT}
 */
public record CarSearch(
        List<String> makes,
        PriceType priceType,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        DateRange availability,
        CarSortField sortField,
        SortDirection direction,
        String cursor,
        int limit) {

    public static final int MAX_LIMIT = 100;

    public CarSearch {
        makes = makes == null ? List.of() : List.copyOf(makes);
    }
}
