package io.carmarket.api.search;

/**
 * The public cars an admin features, newest listing first.
 *
 * @param limit 1 to {@link #MAX_LIMIT}
 */
public record FeaturedCars(int limit) {

    public static final int DEFAULT_LIMIT = 12;
    public static final int MAX_LIMIT = 50;
}
