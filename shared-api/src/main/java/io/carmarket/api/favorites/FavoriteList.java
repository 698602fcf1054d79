package io.carmarket.api.favorites;

/**
 * The user's favourite cars, most recently added first.
 *
 * @param cursor the {@code nextCursor} of the previous page, optional
 * @param limit  page size, 1 to {@link #MAX_LIMIT}
 */
public record FavoriteList(String userId, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;
}
