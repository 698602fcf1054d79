package io.carmarket.api.dashboards;

/** One customer's own dashboard ({@code /dashboards/me}). */
public record CustomerDashboardQuery(String customerId) {
}
