package io.carmarket.api.dashboards;

/** The dashboard of one dealer's cars. Who may ask for which dealer, the web layer decides. */
public record DealerDashboardQuery(String dealerId) {
}
