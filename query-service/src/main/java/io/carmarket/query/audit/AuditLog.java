package io.carmarket.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.carmarket.api.audit.AuditedEvent;
import io.carmarket.query.audit.AuditLogKeys.Fields;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads the global log: the filters run on {@link AuditLogKeys} in global order, and the found events are read from
 * {@link AuditLogEntry} by {@code _id}, which both the embedded server and MongoDB 7 answer from the {@code _id}
 * index. Read directly by the audit controller rather than through the query bus: the log lives only in
 * query-service's MongoDB, and a stream of it cannot be one query response.
 */
@Component
public class AuditLog {

    /** How many events of a stream are read from the entries at a time (and written before a flush). */
    static final int STREAM_CHUNK = 200;

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final MongoTemplate mongoTemplate;
    /** Decimal amounts read back with their digits ("18200.00", not 18200.0). */
    private final ObjectReader jsonObjects;

    public AuditLog(MongoTemplate mongoTemplate, ObjectMapper objectMapper) {
        this.mongoTemplate = mongoTemplate;
        this.jsonObjects = objectMapper.readerFor(JSON_OBJECT)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Some events of the log, and the cursor of the next page while more follow (null on the last page). */
    public record Page(List<AuditedEvent> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }

    /** The events matching the filter after the cursor (from the start when null), at most {@code limit}. */
    Page page(AuditLogFilter filter, AuditLogCursor after, int limit) {
        Query keys = keysQuery(filter, after).limit(limit + 1);
        List<Long> found = mongoTemplate.find(keys, Document.class, AuditLogKeys.COLLECTION).stream()
                .map(AuditLog::globalIndexOf).toList();
        List<Long> page = found.size() > limit ? found.subList(0, limit) : found;
        List<AuditedEvent> items = entries(page);
        String next = found.size() > limit ? AuditLogCursor.after(page.get(page.size() - 1)).encode() : null;
        return new Page(items, next);
    }

    /**
     * Hands every matching event after the cursor to {@code sink}, in global order, at most {@code limit} of them
     * when it is not null: read from one MongoDB cursor over the keys, the entries {@value #STREAM_CHUNK} at a time,
     * so only one chunk is held in memory. {@code endOfChunk} runs after each chunk (to flush a response).
     */
    void stream(AuditLogFilter filter, AuditLogCursor after, Integer limit, Consumer<AuditedEvent> sink,
                Runnable endOfChunk) {
        Query keys = keysQuery(filter, after);
        if (limit != null) {
            keys.limit(limit);
        }
        try (Stream<Document> found = mongoTemplate.stream(keys, Document.class, AuditLogKeys.COLLECTION)) {
            List<Long> chunk = new ArrayList<>(STREAM_CHUNK);
            found.forEach(key -> {
                chunk.add(globalIndexOf(key));
                if (chunk.size() == STREAM_CHUNK) {
                    entries(chunk).forEach(sink);
                    endOfChunk.run();
                    chunk.clear();
                }
            });
            entries(chunk).forEach(sink);
            endOfChunk.run();
        }
    }

    private static Query keysQuery(AuditLogFilter filter, AuditLogCursor after) {
        Query query = new Query();
        filter.criteria(after).forEach(query::addCriteria);
        query.fields().include(Fields.ID);
        return query.with(Sort.by(Sort.Direction.ASC, Fields.ID));
    }

    /** The entries of these global indexes, in this order. */
    private List<AuditedEvent> entries(List<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        Map<Long, AuditLogEntry> byIndex = mongoTemplate
                .find(Query.query(where(Fields.ID).in(globalIndexes)), AuditLogEntry.class).stream()
                .collect(Collectors.toMap(AuditLogEntry::globalIndex, Function.identity()));
        List<AuditedEvent> events = new ArrayList<>(globalIndexes.size());
        for (Long globalIndex : globalIndexes) {
            AuditLogEntry entry = byIndex.get(globalIndex);
            // The projection writes the entry before its keys, so a key without an entry is not expected; a reset
            // running meanwhile could remove it, and then the event is simply not shown.
            if (entry != null) {
                events.add(view(entry));
            }
        }
        return events;
    }

    private AuditedEvent view(AuditLogEntry entry) {
        return new AuditedEvent(entry.eventId(), entry.globalIndex(), entry.aggregateType(), entry.aggregateId(),
                entry.sequence(), entry.type(), entry.revision(), entry.timestamp(), jsonObject(entry.payload()),
                jsonObject(entry.metadata()));
    }

    private Map<String, Object> jsonObject(String json) {
        if (json == null) {
            return null;
        }
        try {
            return jsonObjects.readValue(json);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Stored audit JSON is not an object", unreadable);
        }
    }

    private static long globalIndexOf(Document key) {
        return ((Number) key.get(Fields.ID)).longValue();
    }
}
