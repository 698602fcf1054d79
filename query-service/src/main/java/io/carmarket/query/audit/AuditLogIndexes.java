package io.carmarket.query.audit;

import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.common.QueryIndexes;
import io.carmarket.query.audit.AuditLogKeys.Fields;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes of the {@link AuditLogKeys} collection, which every audit-log query filters on, declared when the
 * application is ready. Each filter's equality comes first and the global order ({@code _id}) second, so MongoDB 7
 * walks a filtered page in order from the cursor and stops after {@code limit}; docs/read-models.md lists the
 * queries. The entries ({@link AuditLogEntry}) are read by {@code _id} only and need no index of their own.
 * <p>
 * The embedded MongoDB-wire server of the standalone accepts and ignores non-unique indexes (it scans the small
 * keys documents). A failure is logged, never fatal: the queries are correct without an index, only slower.
 */
@Component
public class AuditLogIndexes implements ProjectedReadModel {


    private final MongoTemplate mongoTemplate;

    public AuditLogIndexes(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    static List<Index> definitions() {
        return List.of(
                // type=... (one or several, $in: one index range per type, merged in _id order).
                inGlobalOrder(Fields.TYPE),
                // user=..., correlationId=... (also GET /audit/correlations/{id}), aggregateId=..., aggregateType=...
                inGlobalOrder(Fields.USER_ID),
                inGlobalOrder(Fields.CORRELATION_ID),
                inGlobalOrder(Fields.AGGREGATE_ID),
                inGlobalOrder(Fields.AGGREGATE_TYPE),
                // from/to alone: the events of the time range, then sorted by _id (a range is not an order).
                new Index().named("audit_timestamp").on(Fields.TIMESTAMP, Direction.ASC));
    }

    private static Index inGlobalOrder(String field) {
        return new Index().named("audit_" + field).on(field, Direction.ASC).on(Fields.ID, Direction.ASC);
    }

    @Override
    public String processingGroup() {
        return AuditLogProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        return List.of(AuditLogEntry.COLLECTION, AuditLogKeys.COLLECTION);
    }

    @Override
    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        QueryIndexes.ensure(mongoTemplate, AuditLogKeys.COLLECTION, definitions());
    }
}
