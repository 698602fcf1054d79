package io.carmarket.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a 503 for a dependency that cannot be reached tells the client when to try again.
 *
 * @param retryAfter sent as {@code Retry-After}, in whole seconds (at least one)
 */
@ConfigurationProperties("carmarket.web.unavailable")
public record UnavailableProperties(@DefaultValue(UnavailableProperties.DEFAULT_RETRY_AFTER) Duration retryAfter) {

    public static final String DEFAULT_RETRY_AFTER = "5s";
}
