package io.carmarket.command.idempotency;

import io.carmarket.command.idempotency.IdempotencyRecord.State;
import io.carmarket.command.idempotency.IdempotencyRecord.StoredResponse;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code idempotency_records} collection. A key is claimed by inserting its record: the unique {@code _id}
 * lets exactly one of any number of concurrent requests win, on every instance, without transactions.
 */
class IdempotencyRecords {

    /** Rounds of insert, look up, clean up; more are needed only when other requests keep changing the record. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final MongoTemplate mongoTemplate;
    private final IdempotencyProperties properties;

    IdempotencyRecords(MongoTemplate mongoTemplate, IdempotencyProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.properties = properties;
    }

    /** For the pruning on MongoDB 7 (the embedded server accepts it but builds no non-unique index). */
    @PostConstruct
    void ensureIndexes() {
        mongoTemplate.indexOps(IdempotencyRecord.class)
                .createIndex(new Index("expiresAt", Sort.Direction.ASC).named("expires_at"));
    }

    /** The outcome of trying to start a request under a key. */
    sealed interface Claim {

        /** This attempt holds the key: it runs the request, then completes or releases the record. */
        record Acquired(String recordId, String owner) implements Claim {
        }

        /** The key is known: held by another attempt, or answered. */
        record Existing(IdempotencyRecord record) implements Claim {
        }

        /** The record kept changing under us (it expired, was released or taken over meanwhile): try later. */
        record Contended() implements Claim {
        }
    }

    Claim claim(String userId, String key, String fingerprint, Instant now) {
        String id = IdempotencyRecord.idOf(userId, key);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            String owner = UUID.randomUUID().toString();
            try {
                mongoTemplate.insert(IdempotencyRecord.started(userId, key, fingerprint, owner, now, properties));
                return new Claim.Acquired(id, owner);
            } catch (DuplicateKeyException known) {
                IdempotencyRecord found = mongoTemplate.findById(id, IdempotencyRecord.class);
                if (found == null) {
                    continue; // released or pruned in between
                }
                if (found.isExpiredAt(now)) {
                    // Only while still expired: a fresh record another request inserted meanwhile stays.
                    mongoTemplate.remove(Query.query(where("_id").is(id).and("expiresAt").lte(now)),
                            IdempotencyRecord.class);
                    continue;
                }
                if (found.isAbandonedAt(now) && found.requestFingerprint().equals(fingerprint)) {
                    if (takeOver(found, owner, now)) {
                        return new Claim.Acquired(id, owner);
                    }
                    continue;
                }
                return new Claim.Existing(found);
            }
        }
        return new Claim.Contended();
    }

    /** Hands an abandoned record to a new attempt; of several retries racing for it, one wins. */
    private boolean takeOver(IdempotencyRecord abandoned, String owner, Instant now) {
        Query stillAbandoned = Query.query(where("_id").is(abandoned.id()).and("state").is(State.IN_PROGRESS)
                .and("owner").is(abandoned.owner()).and("leaseExpiresAt").lte(now));
        Update newLease = new Update().set("owner", owner)
                .set("leaseExpiresAt", now.plus(properties.inProgressTimeout()));
        return mongoTemplate.findAndModify(stillAbandoned, newLease, FindAndModifyOptions.options().returnNew(true),
                IdempotencyRecord.class) != null;
    }

    /**
     * Stores the answer of the attempt that holds the record.
     *
     * @return false if the attempt no longer holds it (its lease ran out and a retry took the key over)
     */
    boolean complete(Claim.Acquired claim, StoredResponse response, Instant now) {
        Update answered = new Update().set("state", State.COMPLETED).unset("leaseExpiresAt")
                .set("responseStatus", response.status())
                .set("responseContentType", response.contentType())
                .set("responseLocation", response.location())
                .set("responseBody", response.body())
                .set("completedAt", now);
        return mongoTemplate.updateFirst(held(claim), answered, IdempotencyRecord.class).getMatchedCount() == 1;
    }

    /** Forgets the key, so that a retry runs the request again; only the attempt that holds it may. */
    void release(Claim.Acquired claim) {
        mongoTemplate.remove(held(claim), IdempotencyRecord.class);
    }

    long pruneExpired(Instant now) {
        return mongoTemplate.remove(Query.query(where("expiresAt").lte(now)), IdempotencyRecord.class)
                .getDeletedCount();
    }

    Optional<IdempotencyRecord> byId(String id) {
        return Optional.ofNullable(mongoTemplate.findById(id, IdempotencyRecord.class));
    }

    private static Query held(Claim.Acquired claim) {
        return Query.query(where("_id").is(claim.recordId()).and("owner").is(claim.owner())
                .and("state").is(State.IN_PROGRESS));
    }
}
