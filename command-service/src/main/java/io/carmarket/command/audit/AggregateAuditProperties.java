package io.carmarket.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the aggregate audit API.
 *
 * @param defaultPageSize events in one page of a history when the client names no {@code limit}
 * @param maxPageSize     the largest {@code limit} a client may ask for
 */
@ConfigurationProperties("carmarket.audit.aggregates")
public record AggregateAuditProperties(@DefaultValue("100") int defaultPageSize,
                                       @DefaultValue("1000") int maxPageSize) {
}
