package io.carmarket.api.bookings;

import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.identity.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * The bookings a user may see, newest first: a customer their own, a dealer those of their cars, an admin or an
 * auditor all of them.
 *
 * @param viewer   who asks; decides which bookings are visible
 * @param statuses any of these statuses; empty means all
 * @param from     with {@code to}: only bookings overlapping {@code [from, to)}; either may be absent (open end)
 * @param to       exclusive end of that range
 * @param cursor   the {@code nextCursor} of the previous page, optional
 * @param limit    page size, 1 to {@link #MAX_LIMIT}
 */
public record BookingSearch(Actor viewer, List<BookingStatus> statuses, LocalDate from, LocalDate to, String cursor,
                            int limit) {

    public static final int MAX_LIMIT = 100;

    public BookingSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
