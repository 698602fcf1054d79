package io.carmarket.api.search;

/**
 * Public cars like this one: same body type, the car's own price (daily rate, else asking price) within
 * {@link #PRICE_TOLERANCE_PERCENT}% either way; same make first, then nearest model year.
 *
 * @param limit 1 to {@link #MAX_LIMIT}
 */
public record SimilarCars(String carId, int limit) {

    public static final int DEFAULT_LIMIT = 6;
    public static final int MAX_LIMIT = 20;
    public static final int PRICE_TOLERANCE_PERCENT = 25;
}
