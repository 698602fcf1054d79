package io.carmarket.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Front-end origins allowed to call the API from a browser, with credentials (the refresh cookie).
 *
 * @param allowedOrigins exact origins, e.g. {@code https://shop.example.com}
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("carmarket.cors")
public record CorsProperties(
        @DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {
}
