package io.carmarket.command.deadline;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The write side's table of pending deadlines, in MongoDB so that it survives restarts. Event handlers of each
 * feature keep it in step with their events (scheduling, rescheduling, cancelling); {@link DeadlineSweeper} acts
 * on it. One row per {@code kind} and {@code key}: scheduling again replaces the row.
 */
@Component
public class Deadlines {

    static final String COLLECTION = "deadlines";

    private final MongoTemplate mongoTemplate;

    public Deadlines(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    /**
     * @param key         what the deadline is about, unique within its kind (a booking, a reservation, a negotiation)
     * @param aggregateId the aggregate the expiry command goes to
     * @param targetId    what the expiry command names within that aggregate
     */
    public void schedule(DeadlineKind kind, String key, String aggregateId, String targetId, Instant dueAt) {
        Update row = new Update().set("kind", kind).set("aggregateId", aggregateId).set("targetId", targetId)
                .set("dueAt", dueAt).unset("claimedUntil");
        mongoTemplate.upsert(Query.query(where("_id").is(idOf(kind, key))), row, COLLECTION);
    }

    public void cancel(DeadlineKind kind, String key) {
        mongoTemplate.remove(Query.query(where("_id").is(idOf(kind, key))), COLLECTION);
    }

    private static String idOf(DeadlineKind kind, String key) {
        return kind.name() + ":" + key;
    }
}
