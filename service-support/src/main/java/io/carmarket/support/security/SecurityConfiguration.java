package io.carmarket.support.security;

import io.carmarket.support.web.CorrelationIdFilter;
import io.carmarket.support.web.ProblemResponses;
import io.carmarket.support.web.WebSupportAutoConfiguration;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;
import java.util.Optional;

/**
 * One security policy for every CarMarket HTTP service: stateless bearer tokens, the public endpoints named
 * here, each service's {@link EndpointRoles}, everything else authenticated. Ownership is decided by the
 * aggregates.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class, after = WebSupportAutoConfiguration.class)
@ConditionalOnWebApplication
@EnableConfigurationProperties({JwtProperties.class, CorsProperties.class})
public class SecurityConfiguration {

    /** Reachable without a token. Everything else needs one. */
    static final String[] PUBLIC_READS = {"/api/v1/cars", "/api/v1/cars/**"};
    static final String[] PUBLIC_AUTH = {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout"};
    static final String[] PUBLIC_OPERATIONS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/error"};

    @Bean
    @ConditionalOnMissingBean
    public JwtKeys jwtKeys(JwtProperties properties) {
        if (properties.publicKey() == null || properties.publicKey().isBlank()) {
            throw new IllegalStateException("carmarket.security.jwt.public-key (CARMARKET_JWT_PUBLIC_KEY) is not set: "
                    + "every service needs the PEM public key of the token signing pair");
        }
        boolean signs = properties.privateKey() != null && !properties.privateKey().isBlank();
        return new JwtKeys(PemKeys.publicKey(properties.publicKey()),
                signs ? PemKeys.privateKey(properties.privateKey()) : null);
    }

    @Bean
    public TokenVerifier tokenVerifier(JwtKeys keys, JwtProperties properties) {
        return new TokenVerifier(keys, properties);
    }

    /**
     * Nothing here authenticates with a password through Spring Security (login is the identity service's own
     * endpoint); this bean keeps Spring Boot from creating its default in-memory user with a printed password.
     */
    @Bean
    public AuthenticationManager tokenOnlyAuthenticationManager() {
        return authentication -> {
            throw new ProviderNotFoundException("CarMarket authenticates bearer tokens only");
        };
    }

    @Bean
    public SecurityProblems securityProblems(ProblemResponses responses) {
        return new SecurityProblems(responses);
    }

    /** Picked up by Spring Security's filter chain proxy for what its firewall refuses. */
    @Bean
    public RequestRejectedHandler rejectedRequestProblems(ProblemResponses responses) {
        return new RejectedRequestProblems(responses);
    }

    @Bean
    public SecurityFilterChain carmarketSecurity(HttpSecurity http, TokenVerifier verifier,
                                                 ObjectProvider<UserDirectory> users,
                                                 ObjectProvider<EndpointRoles> endpointRoles,
                                                 SecurityProblems problems, ProblemResponses responses,
                                                 CorsConfigurationSource corsConfigurationSource) throws Exception {
        CorsFilter cors = new CorsFilter(corsConfigurationSource);
        cors.setCorsProcessor(new CorsProblems(responses));
        BearerTokenFilter bearerTokens = new BearerTokenFilter(verifier, Optional.ofNullable(users.getIfAvailable()),
                problems);
        return http
                // No cookies authenticate an API call (only the refresh endpoint reads its SameSite=Strict cookie),
                // so there is no session to ride on and CSRF protection has nothing to protect.
                .csrf(csrf -> csrf.disable())
                .cors(defaultCors -> defaultCors.disable())
                .addFilterAt(cors, CorsFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(bearerTokens, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // The second dispatch of a streamed answer (StreamingResponseBody, SSE) only finishes writing a
                    // response whose request was authorized on its first dispatch; it has no security context.
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                            .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                            .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                            .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                            // Any method: a wrong one then gets MVC's 405, not a 401 that suggests logging in.
                            .requestMatchers(PUBLIC_AUTH).permitAll()
                            .requestMatchers(PUBLIC_OPERATIONS).permitAll();
                    endpointRoles.orderedStream().forEach(roles -> roles.applyTo(requests));
                    requests.anyRequest().authenticated();
                })
                .build();
    }

    @Bean
    public CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH,
                "Idempotency-Key", CorrelationIdFilter.HEADER));
        cors.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                HttpHeaders.ETAG, "Idempotent-Replayed"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
