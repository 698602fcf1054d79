package io.carmarket.api.dashboards;

/**
 * Booked car-days (days covered by a live booking) over available car-days (cars listed for rent today times the
 * days of the window). {@code ratio} is absent when there is no car to book.
 */
public record Utilisation(long bookedCarDays, long availableCarDays, Double ratio) {
}
