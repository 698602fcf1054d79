package io.carmarket.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.api.audit.MessageMetadata;
import io.carmarket.query.common.InsertOnce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes every event of the event store into the global audit log: one {@link AuditLogEntry} and one
 * {@link AuditLogKeys} per event, both under the event's global index (the position of its tracking token; under a
 * replay the position of the event replayed).
 * <p>
 * Idempotent: both are written insert-once by that index, so an event delivered twice changes nothing. A batch of
 * events is written as two bulk writes at its end (D32), the entries before their keys, so a query that finds the
 * keys finds the entry.
 * <p>
 * The processor runs with one segment (application.yml): then events are written in global order, and a reader who
 * paged past index {@code n} can never later miss an event below {@code n} that another segment wrote late.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit-log";

    private final MongoTemplate mongoTemplate;
    private final ObjectMapper objectMapper;

    public AuditLogProjection(MongoTemplate mongoTemplate, ObjectMapper objectMapper) {
        this.mongoTemplate = mongoTemplate;
        this.objectMapper = objectMapper;
    }

    /** Every event, whatever its type: the payload as upcast and deserialized for this processor. */
    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException(
                "The audit log needs tracking tokens with a position; got " + token));
        AuditLogEntry entry = entryOf(payload, event, globalIndex);
        InsertOnce.upsertWithBatch(mongoTemplate, globalIndex, entry);
        InsertOnce.upsertWithBatch(mongoTemplate, globalIndex, AuditLogKeys.of(entry));
    }

    /** Empties the log before a replay, which rewrites it from the event history. */
    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), AuditLogKeys.class);
        mongoTemplate.remove(new Query(), AuditLogEntry.class);
    }

    private AuditLogEntry entryOf(Object payload, EventMessage<?> event, long globalIndex) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        return new AuditLogEntry(globalIndex, event.getIdentifier(), aggregateType, aggregateId, sequence,
                payload.getClass().getSimpleName(), revision == null ? null : revision.value(), event.getTimestamp(),
                textOf(event.getMetaData().get(MessageMetadata.USER_ID)),
                textOf(event.getMetaData().get(MessageMetadata.CORRELATION_ID)),
                json(payload), json(event.getMetaData()));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            // Thrown on, so the processor retries instead of leaving a hole in the log (D9).
            throw new IllegalStateException("Event payload or metadata cannot be written as JSON", unwritable);
        }
    }

    private static String textOf(Object value) {
        return value == null ? null : value.toString();
    }
}
