package io.carmarket.query.common;

import io.carmarket.support.security.EndpointRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call which read endpoint beyond "any signed-in user". Whose booking or negotiation it is, the handlers decide. */
@Configuration(proxyBeanMethods = false)
public class QueryEndpointRoles {

    private static final String ADMIN = "ADMIN";
    private static final String AUDITOR = "AUDITOR";
    private static final String DEALER = "DEALER";
    private static final String CUSTOMER = "CUSTOMER";

    @Bean
    public EndpointRoles querySideRoles() {
        return requests -> requests
                // The global event log and business transactions: read-only, for auditors and admins.
                .requestMatchers("/api/v1/audit/**").hasAnyRole(AUDITOR, ADMIN)
                // Projections: their progress and their rebuild.
                .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                // Dashboards: a dealer's (their own; an admin names one), the platform's, and a customer's own.
                .requestMatchers("/api/v1/dashboards/dealer", "/api/v1/dashboards/dealer/**").hasAnyRole(DEALER, ADMIN)
                .requestMatchers("/api/v1/dashboards/admin", "/api/v1/dashboards/admin/**").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers("/api/v1/dashboards/me", "/api/v1/dashboards/me/**").hasAnyRole(CUSTOMER, ADMIN)
                // A dealer's inventory: a dealer their own; admins and auditors (read-only) any dealer's.
                .requestMatchers("/api/v1/dealer/**").hasAnyRole(DEALER, ADMIN, AUDITOR);
    }
}
