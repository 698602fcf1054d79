package io.carmarket.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's table of which roles may call which of its endpoints. Applied in the security filter chain, before
 * the request reaches a controller, so a caller without the role gets 403 whatever the body says. Ownership is
 * not decided here but by the aggregates.
 */
@FunctionalInterface
public interface EndpointRoles {

    void applyTo(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
