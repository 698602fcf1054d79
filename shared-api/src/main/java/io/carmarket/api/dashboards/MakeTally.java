package io.carmarket.api.dashboards;

/** A make and how many listings (cars on the market) or bookings it has. */
public record MakeTally(String make, long count) {
}
