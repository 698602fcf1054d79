package io.carmarket.query.common;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Writes to one read-model document at most once per event: the document's {@code version} holds the sequence
 * number of the last event of its aggregate applied to it, and an event at or below it changes nothing.
 * <p>
 * The write is a compare-and-set on exactly {@code {_id, version}}, the keys of a unique index
 * ({@link #ensureIndex}), after reading the current version by id. The obvious single update
 * {@code {_id: id, version: {$lt: n}}} is correct too, but the embedded MongoDB server answers a query from an
 * index only when its keys are exactly an index's keys; anything more scans and decodes the whole collection, for
 * every event (measured: the search projection fell ever further behind under booking load, docs/benchmarks.md).
 * On MongoDB 7 both forms are served by the {@code _id} index.
 */
public final class VersionGuard {

    public static final String ID = "_id";
    public static final String VERSION = "version";
    static final String INDEX_NAME = "id_version";

    /**
     * Another writer moving the same document between our read and our write is a redelivery racing a delivery
     * (a processor handles one aggregate's events one at a time); a few attempts settle it.
     */
    private static final int ATTEMPTS = 5;

    private VersionGuard() {
    }

    /** The unique {@code {_id, version}} index the compare-and-set is answered from on the embedded server. */
    public static void ensureIndex(MongoTemplate mongoTemplate, String collection) {
        mongoTemplate.indexOps(collection).createIndex(new Index(ID, Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC).unique().named(INDEX_NAME));
    }

    /** As {@link #ensureIndex(MongoTemplate, String)}, for a mapped read-model type. */
    public static void ensureIndex(MongoTemplate mongoTemplate, Class<?> readModel) {
        ensureIndex(mongoTemplate, mongoTemplate.getCollectionName(readModel));
    }

    /**
     * Applies {@code update} (plus {@code version = sequenceNumber}) to the document of a mapped read-model type
     * unless the document is missing or has seen this event or a later one.
     *
     * @return whether this call changed the document
     */
    public static boolean applyOnce(MongoTemplate mongoTemplate, Class<?> readModel, String id, long sequenceNumber,
                                    Update update) {
        return apply(mongoTemplate, mongoTemplate.getCollectionName(readModel), readModel, id, sequenceNumber,
                false, current -> update);
    }

    /** As {@link #applyOnce(MongoTemplate, Class, String, long, Update)}, for an unmapped collection. */
    public static boolean applyOnce(MongoTemplate mongoTemplate, String collection, String id, long sequenceNumber,
                                    Update update) {
        return apply(mongoTemplate, collection, null, id, sequenceNumber, false, current -> update);
    }

    /**
     * As {@link #applyOnce(MongoTemplate, Class, String, long, Update)}, with the update computed from the stored
     * document as it is now, for a change that depends on it; a null update changes nothing.
     */
    public static boolean applyOnce(MongoTemplate mongoTemplate, Class<?> readModel, String id, long sequenceNumber,
                                    Function<Document, Update> change) {
        return apply(mongoTemplate, mongoTemplate.getCollectionName(readModel), readModel, id, sequenceNumber,
                true, change);
    }

    /** As {@link #applyOnce(MongoTemplate, Class, String, long, Function)}, for an unmapped collection. */
    public static boolean applyOnce(MongoTemplate mongoTemplate, String collection, String id, long sequenceNumber,
                                    Function<Document, Update> change) {
        return apply(mongoTemplate, collection, null, id, sequenceNumber, true, change);
    }

    private static boolean apply(MongoTemplate mongoTemplate, String collection, Class<?> readModel, String id,
                                 long sequenceNumber, boolean readWholeDocument, Function<Document, Update> change) {
        Document byId = new Document(ID, id);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var found = mongoTemplate.getCollection(collection).find(byId);
            Document current = (readWholeDocument ? found : found.projection(new Document(VERSION, 1))).first();
            if (current == null) {
                return false;
            }
            Object version = current.get(VERSION);
            if (version instanceof Number number && number.longValue() >= sequenceNumber) {
                return false;
            }
            Update update = change.apply(current);
            if (update == null) {
                return false;
            }
            Query unchangedSinceRead = Query.query(where(ID).is(id).and(VERSION).is(version));
            update.set(VERSION, sequenceNumber);
            long matched = readModel == null
                    ? mongoTemplate.updateFirst(unchangedSinceRead, update, collection).getMatchedCount()
                    : mongoTemplate.updateFirst(unchangedSinceRead, update, readModel).getMatchedCount();
            if (matched > 0) {
                return true;
            }
        }
        throw new IllegalStateException("Document " + id + " of " + collection + " kept changing while event "
                + sequenceNumber + " was applied");
    }
}
