package io.carmarket.support.web.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send in one request body.
 *
 * @param maxSize the largest request body accepted; larger ones are refused with 413 before or while they are
 *                read. It also bounds what one request can add to the event store (docs/api.md, "Limits").
 */
@ConfigurationProperties("carmarket.web.request-body")
public record RequestBodyProperties(@DefaultValue(RequestBodyProperties.DEFAULT_MAX_SIZE) DataSize maxSize) {

    public static final String DEFAULT_MAX_SIZE = "128KB";
}
