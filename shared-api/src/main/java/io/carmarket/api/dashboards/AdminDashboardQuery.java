package io.carmarket.api.dashboards;

/** The platform's dashboard, for admins and auditors. {@code platform} names it (there is one). */
public record AdminDashboardQuery(String platform) {

    public static final String PLATFORM = "platform";

    public static AdminDashboardQuery ofPlatform() {
        return new AdminDashboardQuery(PLATFORM);
    }
}
