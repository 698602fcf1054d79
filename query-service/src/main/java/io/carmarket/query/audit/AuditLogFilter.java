package io.carmarket.query.audit;

import io.carmarket.query.audit.AuditLogKeys.Fields;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Which events of the global log to show; every condition is optional and they combine with AND.
 *
 * @param types         any of these simple event names; empty for all
 * @param aggregateType the simple name of the aggregate type
 * @param aggregateId   one aggregate
 * @param userId        the acting user (metadata {@code userId})
 * @param correlationId one business transaction (metadata {@code correlationId})
 * @param from          stored at or after this instant (inclusive)
 * @param to            stored before this instant (exclusive)
 */
record AuditLogFilter(List<String> types, String aggregateType, String aggregateId, String userId,
                      String correlationId, Instant from, Instant to) {

    static final AuditLogFilter EVERYTHING = new AuditLogFilter(List.of(), null, null, null, null, null, null);

    AuditLogFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    static AuditLogFilter correlation(String correlationId) {
        return new AuditLogFilter(List.of(), null, null, null, correlationId, null, null);
    }

    /**
     * The conditions on {@link AuditLogKeys}, one per field, the most selective equality first, then the time range
     * and the cursor; they become one flat query document in this order (the embedded server tests a document's
     * fields in that order and stops at the first that fails; MongoDB 7's planner picks an index regardless).
     */
    List<Criteria> criteria(AuditLogCursor after) {
        List<Criteria> criteria = new ArrayList<>();
        if (correlationId != null) {
            criteria.add(where(Fields.CORRELATION_ID).is(correlationId));
        }
        if (aggregateId != null) {
            criteria.add(where(Fields.AGGREGATE_ID).is(aggregateId));
        }
        if (userId != null) {
            criteria.add(where(Fields.USER_ID).is(userId));
        }
        if (types.size() == 1) {
            criteria.add(where(Fields.TYPE).is(types.get(0)));
        } else if (!types.isEmpty()) {
            criteria.add(where(Fields.TYPE).in(types));
        }
        if (aggregateType != null) {
            criteria.add(where(Fields.AGGREGATE_TYPE).is(aggregateType));
        }
        if (from != null || to != null) {
            Criteria timestamp = where(Fields.TIMESTAMP);
            if (from != null) {
                timestamp = timestamp.gte(from);
            }
            if (to != null) {
                timestamp = timestamp.lt(to);
            }
            criteria.add(timestamp);
        }
        if (after != null) {
            criteria.add(where(Fields.ID).gt(after.globalIndex()));
        }
        return criteria;
    }
}
