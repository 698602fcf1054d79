package io.carmarket.command.audit;

import java.time.Instant;

/**
 * An aggregate rebuilt from its events up to a version or an instant.
 *
 * @param aggregateId   the aggregate
 * @param aggregateType its type
 * @param version       the sequence number of the last event applied
 * @param timestamp     when that event was stored
 * @param state         the aggregate's state view after it ({@link AuditedAggregate#state()})
 */
record AggregateStateAnswer(String aggregateId, String aggregateType, long version, Instant timestamp,
                            Record state) {
}
