package io.carmarket.query.dashboard;

import io.carmarket.api.dashboards.AdminDashboard;
import io.carmarket.api.dashboards.AdminDashboardQuery;
import io.carmarket.api.dashboards.CustomerDashboard;
import io.carmarket.api.dashboards.CustomerDashboardQuery;
import io.carmarket.api.dashboards.DealerDashboard;
import io.carmarket.api.dashboards.DealerDashboardQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the dashboard queries, plain and as the initial result of a subscription. Access is the web layer's. */
@Component
class DashboardQueryHandler {

    private final DashboardReader reader;

    DashboardQueryHandler(DashboardReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    DealerDashboard dealer(DealerDashboardQuery query) {
        return reader.dealer(query.dealerId());
    }

    @QueryHandler
    AdminDashboard admin(AdminDashboardQuery query) {
        return reader.admin();
    }

    @QueryHandler
    CustomerDashboard customer(CustomerDashboardQuery query) {
        return reader.customer(query.customerId());
    }
}
