package io.carmarket.command.idempotency;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One key of one user: the request it was first used for and, once that request has been answered, the answer.
 *
 * @param id                  {@code userId + ":" + key}; keys are scoped per user (user ids contain no colon)
 * @param requestFingerprint  see {@link RequestFingerprint}
 * @param owner               a random id of the attempt that holds an IN_PROGRESS record; only it may complete or
 *                            release the record
 * @param leaseExpiresAt      until when an IN_PROGRESS record is held; after that a retry of the same request may
 *                            take it over
 * @param expiresAt           {@code createdAt + retention}: from then on the key is forgotten
 * @param responseStatus      with the other {@code response*} fields: the first answer, set when COMPLETED
 */
@Document(IdempotencyRecord.COLLECTION)
public record IdempotencyRecord(@Id String id, String userId, String key, String requestFingerprint, State state,
                                String owner, Instant createdAt, Instant leaseExpiresAt, Instant expiresAt,
                                Integer responseStatus, String responseContentType, String responseLocation,
                                String responseBody, Instant completedAt) {

    public static final String COLLECTION = "idempotency_records";

    public enum State { IN_PROGRESS, COMPLETED }

    static String idOf(String userId, String key) {
        return userId + ":" + key;
    }

    static IdempotencyRecord started(String userId, String key, String fingerprint, String owner, Instant now,
                                     IdempotencyProperties properties) {
        return new IdempotencyRecord(idOf(userId, key), userId, key, fingerprint, State.IN_PROGRESS, owner, now,
                now.plus(properties.inProgressTimeout()), now.plus(properties.retention()),
                null, null, null, null, null);
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Still IN_PROGRESS after its lease: the attempt that started it is presumed dead. */
    boolean isAbandonedAt(Instant now) {
        return state == State.IN_PROGRESS && leaseExpiresAt != null && !now.isBefore(leaseExpiresAt);
    }

    StoredResponse response() {
        return new StoredResponse(responseStatus, responseContentType, responseLocation, responseBody);
    }

    /** The parts of an answer that are replayed: status, Content-Type, Location and the body (UTF-8 text). */
    record StoredResponse(int status, String contentType, String location, String body) {
    }
}
