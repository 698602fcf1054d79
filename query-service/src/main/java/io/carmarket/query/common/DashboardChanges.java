package io.carmarket.query.common;

/**
 * Told when something a customer's dashboard shows changed outside the dashboards' own projection (a notification
 * arrived or was read), so that its live subscribers get the new state.
 */
public interface DashboardChanges {

    /** For read models built without live dashboards (tests of a single projection). */
    DashboardChanges NONE = customerId -> {
    };

    void customerChanged(String customerId);
}
