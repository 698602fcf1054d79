package io.carmarket.api.bookings;

import java.util.List;

/** A page of bookings, newest first; {@code nextCursor} is null on the last page. */
public record BookingPage(List<BookingView> items, String nextCursor) {

    public BookingPage {
        items = List.copyOf(items);
    }
}
