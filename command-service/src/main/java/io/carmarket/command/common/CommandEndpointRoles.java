package io.carmarket.command.common;

import io.carmarket.support.security.EndpointRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call which write endpoint. Ownership (whose car, whose booking) is decided by the aggregates. */
@Configuration(proxyBeanMethods = false)
public class CommandEndpointRoles {

    private static final String CUSTOMER = "CUSTOMER";
    private static final String DEALER = "DEALER";
    private static final String ADMIN = "ADMIN";
    private static final String AUDITOR = "AUDITOR";

    @Bean
    public EndpointRoles commandSideRoles() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/cars").hasRole(DEALER)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/cars/*").hasAnyRole(DEALER, ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/cars/*/peak-windows").hasAnyRole(DEALER, ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/cars/*/featured").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/withdraw", "/api/v1/cars/*/relist")
                .hasAnyRole(DEALER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/bookings").hasRole(CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/bookings/*/cancel",
                        "/api/v1/cars/*/bookings/*/reschedule").hasAnyRole(CUSTOMER, DEALER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/bookings/*/approve",
                        "/api/v1/cars/*/bookings/*/reject").hasAnyRole(DEALER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/purchase-reservations").hasRole(CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/purchase-reservations/*/cancel")
                .hasAnyRole(CUSTOMER, DEALER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/cars/*/purchase-reservations/*/*")
                .hasAnyRole(DEALER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/negotiations").hasRole(CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/api/v1/negotiations/*/cancel").hasRole(CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/api/v1/negotiations/*/offers", "/api/v1/negotiations/*/accept",
                        "/api/v1/negotiations/*/reject").hasAnyRole(CUSTOMER, DEALER)
                // Aggregate histories and states (io.carmarket.command.audit): read-only, for auditors and admins.
                .requestMatchers("/api/v1/audit/**").hasAnyRole(AUDITOR, ADMIN)
                .requestMatchers("/api/v1/admin/**").hasRole(ADMIN);
    }
}
