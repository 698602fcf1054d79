package io.carmarket.query.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the global log filters on: one small document per event, under the same {@code _id} (the global index) as
 * its {@link AuditLogEntry}. A query finds the page's global indexes here and reads those entries by {@code _id}.
 * <p>
 * Why a second collection: the embedded MongoDB-wire server of the standalone builds no secondary index, so every
 * filtered query decodes every document of its collection. These documents are a few hundred bytes whatever the
 * event's payload (a listing's description and images make an entry several kilobytes), so the cost of a filter
 * does not grow with what the events carry (docs/read-models.md). On MongoDB 7 the indexes are on this collection.
 */
@Document(AuditLogKeys.COLLECTION)
public record AuditLogKeys(
        @Id long globalIndex,
        String type,
        String aggregateType,
        String aggregateId,
        String userId,
        String correlationId,
        Instant timestamp) {

    public static final String COLLECTION = "audit_log_keys";

    /** Field names as stored, for queries and indexes. */
    static final class Fields {
        static final String ID = "_id";
        static final String TYPE = "type";
        static final String AGGREGATE_TYPE = "aggregateType";
        static final String AGGREGATE_ID = "aggregateId";
        static final String USER_ID = "userId";
        static final String CORRELATION_ID = "correlationId";
        static final String TIMESTAMP = "timestamp";

        private Fields() {
        }
    }

    static AuditLogKeys of(AuditLogEntry entry) {
        return new AuditLogKeys(entry.globalIndex(), entry.type(), entry.aggregateType(), entry.aggregateId(),
                entry.userId(), entry.correlationId(), entry.timestamp());
    }
}
