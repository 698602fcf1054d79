package io.carmarket.api.search;

import java.time.LocalDate;

/**
 * One night of a car's calendar. {@code available} is false when a live booking holds the night; {@code pending}
 * is true when that booking still awaits the dealer's approval (it holds the night all the same).
 */
public record CalendarDay(LocalDate date, boolean available, boolean pending) {
}
