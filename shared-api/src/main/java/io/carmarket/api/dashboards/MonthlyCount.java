package io.carmarket.api.dashboards;

/** A count for one month, {@code yyyy-MM}. */
public record MonthlyCount(String month, long count) {
}
