package io.carmarket.api.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored event as the audit API shows it, in an aggregate's history and in the global log alike.
 *
 * @param eventId       the event's unique id
 * @param globalIndex   its position in the global event log; only in the global log (an aggregate's history is
 *                      ordered by {@code sequence})
 * @param aggregateType the simple name of the aggregate that applied it ({@code Car}, {@code Negotiation})
 * @param aggregateId   that aggregate's id
 * @param sequence      its sequence number in that aggregate's stream, from 0
 * @param type          the simple name of the event ({@code CarBooked})
 * @param revision      the payload's revision after upcasting, when the event type has one
 * @param timestamp     when it was stored
 * @param payload       the event as JSON, after upcasting to the current revision
 * @param metadata      as stored: {@link MessageMetadata} keys (acting user, correlation, causation)
 */
public record AuditedEvent(String eventId, Long globalIndex, String aggregateType, String aggregateId,
                           Long sequence, String type, String revision, Instant timestamp,
                           Map<String, Object> payload, Map<String, Object> metadata) {

    public AuditedEvent {
        payload = unmodifiableCopy(payload);
        metadata = unmodifiableCopy(metadata);
    }

    /** Keeps the stored order of the keys, and null values, which {@code Map.copyOf} would refuse. */
    private static Map<String, Object> unmodifiableCopy(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
