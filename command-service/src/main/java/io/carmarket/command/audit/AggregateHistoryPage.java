package io.carmarket.command.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.carmarket.api.audit.AuditedEvent;

import java.util.List;

/**
 * One page of an aggregate's history.
 *
 * @param aggregateId   the aggregate
 * @param aggregateType its type ({@code Car}, {@code Negotiation})
 * @param events        its events in sequence order, from the requested sequence
 * @param nextSequence  the {@code fromSequence} of the next page; null when this page ends the stream
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AggregateHistoryPage(String aggregateId, String aggregateType, List<AuditedEvent> events,
                            Long nextSequence) {
}
