package io.carmarket.query.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One event of the global log as stored: everything the audit API shows of it. Read by {@code _id} only (the
 * global index): the filters run on {@link AuditLogKeys}.
 * <p>
 * Payload and metadata are kept as the JSON text the application's mapper wrote, not as nested documents: decimal
 * amounts keep their exact digits, keys that MongoDB would refuse or rewrite (dots, {@code $}) are harmless, and the
 * document stays one string field per part for the embedded server to decode.
 *
 * @param globalIndex the event's position in the global event log (its tracking token's position)
 * @param revision    the payload's revision after upcasting, or null when its type has none
 * @param payload     the payload (after upcasting) as JSON
 * @param metadata    all metadata as a JSON object
 */
@Document(AuditLogEntry.COLLECTION)
public record AuditLogEntry(
        @Id long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        Long sequence,
        String type,
        String revision,
        Instant timestamp,
        String userId,
        String correlationId,
        String payload,
        String metadata) {

    public static final String COLLECTION = "audit_log";
}
