package io.carmarket.api.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;

import java.math.BigDecimal;
import java.util.List;

/**
 * The public car search. Every filter is optional ({@code null} or empty means "any"); filters combine with AND.
 *
 * @param makes        any of these makes (case- and accent-insensitive); empty means all
 * @param priceType    which price {@code minPrice}, {@code maxPrice} and a price sort apply to
 * @param minPrice     inclusive lower bound
 * @param maxPrice     inclusive upper bound
 * @param minYear      inclusive lower bound of the model year
 * @param maxYear      inclusive upper bound of the model year
 * @param bodyType     exactly this body type
 * @param transmission exactly this transmission
 * @param fuelType     exactly this fuel type
 * @param maxMileage   inclusive upper bound of the mileage
 * @param city         this city (case- and accent-insensitive equality, not a substring)
 * @param q            free text over make, model and variant: every word must start a word of the car's
 *                     make, model or variant ("golf tsi" finds a Golf 1.5 TSI)
 * @param availability when present, every item says whether the car is free for this whole range
 * @param sortField    what to order by
 * @param direction    ascending or descending
 * @param cursor       opaque position returned as {@code nextCursor} by the previous page
 * @param limit        page size, 1 to {@link #MAX_LIMIT}
 */
public record CarSearch(
        List<String> makes,
        PriceType priceType,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Integer minYear,
        Integer maxYear,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        Integer maxMileage,
        String city,
        String q,
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
