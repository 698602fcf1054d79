package io.carmarket.query.common;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The writes that the bookings and the purchase reservations read models share. Both keep one document per deal
 * (a booking or a purchase reservation: a customer's business with a car's dealer) with the same skeleton,
 * {@code {_id, version, carId, car, carVersion, customerId, dealerId, status, createdAt, updatedAt}}, and the
 * same idempotency rules (SPEC 4, D8):
 * <ul>
 *     <li>the creating event inserts the document once ({@link #insertOnce});</li>
 *     <li>every later event changes it only while its {@code version} is below the event's sequence number in
 *     the car's stream, and sets {@code version} to it ({@link #applyOnce});</li>
 *     <li>a listing change is copied into the embedded {@code car} only while {@code carVersion} is below its
 *     sequence number ({@link #copyListingChange}).</li>
 * </ul>
 * So an event delivered twice, or an older one re-delivered after a newer one, changes nothing.
 */
public final class DealDocuments {

    /** Field names every deal document stores; each read model's own {@code Fields} add the rest. */
    public static class Fields {
        public static final String ID = "_id";
        public static final String VERSION = "version";
        public static final String CAR_ID = "carId";
        public static final String CAR = "car";
        public static final String CAR_VERSION = "carVersion";
        public static final String CUSTOMER_ID = "customerId";
        public static final String DEALER_ID = "dealerId";
        public static final String STATUS = "status";
        public static final String CREATED_AT = "createdAt";
        public static final String UPDATED_AT = "updatedAt";

        protected Fields() {
        }
    }

    private final MongoTemplate mongoTemplate;
    private final Class<?> readModel;
    private final VersionGuard versions;

    /** @param readModel the mapped document type of the read model (its class names the collection) */
    public DealDocuments(MongoTemplate mongoTemplate, Class<?> readModel) {
        this.mongoTemplate = mongoTemplate;
        this.readModel = readModel;
        this.versions = new VersionGuard(mongoTemplate, readModel);
    }

    /**
     * The indexes the queries need on MongoDB 7: each role's list, newest first, and the car's documents for a
     * listing change (the embedded server accepts non-unique indexes but does not build them); and the unique
     * {@code {_id, version}} index of {@link VersionGuard}, which the embedded server does use.
     */
    public void ensureIndexes() {
        IndexOperations indexes = mongoTemplate.indexOps(readModel);
        indexes.createIndex(newestFirst(Fields.CUSTOMER_ID).named("customer_newest_first"));
        indexes.createIndex(newestFirst(Fields.DEALER_ID).named("dealer_newest_first"));
        indexes.createIndex(new Index(Fields.CREATED_AT, Sort.Direction.DESC).on(Fields.ID, Sort.Direction.DESC)
                .named("newest_first"));
        indexes.createIndex(new Index(Fields.CAR_ID, Sort.Direction.ASC).named("car"));
        ensureVersionIndex();
    }

    /** The unique {@code {_id, version}} index of {@link VersionGuard}, for a read model with its own indexes. */
    public void ensureVersionIndex() {
        versions.ensureIndex();
    }

    private static Index newestFirst(String owner) {
        return new Index(owner, Sort.Direction.ASC).on(Fields.CREATED_AT, Sort.Direction.DESC)
                .on(Fields.ID, Sort.Direction.DESC);
    }

    /** Creates the deal's document unless it exists already. */
    public void insertOnce(String id, Object entry) {
        InsertOnce.upsert(mongoTemplate, id, entry);
    }

    /**
     * As {@link #insertOnce}, but held to the end of the processor's batch and written with the batch's other new
     * deals in one bulk write (D32). Only for a read model that is written through this class alone: its updates
     * below send the held inserts first, so they find the documents; a direct write to the collection would not.
     */
    public void insertOnceWithBatch(String id, Object entry) {
        InsertOnce.upsertWithBatch(mongoTemplate, id, entry);
    }

    /** Applies a later event's update to the deal's document, unless this event or a newer one already was. */
    public void applyOnce(String id, long sequenceNumber, Instant at, Update update) {
        InsertOnce.writeHeld(mongoTemplate, readModel);
        versions.applyOnce(id, sequenceNumber, update.set(Fields.UPDATED_AT, at));
    }

    /**
     * Copies the shown parts of a listing change into the car data of the car's documents.
     *
     * @param shown what {@link CarDirectory#applyListingChange} returned; nothing happens when it is empty
     */
    public void copyListingChange(String carId, long sequenceNumber, Map<String, Object> shown) {
        if (shown.isEmpty()) {
            return;
        }
        InsertOnce.writeHeld(mongoTemplate, readModel);
        Update update = new Update().set(Fields.CAR_VERSION, sequenceNumber);
        shown.forEach((field, value) -> update.set(Fields.CAR + "." + field, value));
        mongoTemplate.updateMulti(
                Query.query(where(Fields.CAR_ID).is(carId).and(Fields.CAR_VERSION).lt(sequenceNumber)),
                update, readModel);
    }

    /** Deletes every document before a replay, which recreates them exactly from the events. */
    public void clear() {
        mongoTemplate.remove(new Query(), readModel);
        versions.forgetKnownVersions();
    }
}
