package io.carmarket.query.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Writes to the documents of one read-model collection at most once per event: a document's {@code version} holds
 * the sequence number of the last event of its aggregate applied to it, and an event at or below it changes nothing.
 * <p>
 * Each write is a compare-and-set on exactly {@code {_id, version}}, the keys of a unique index
 * ({@link #ensureIndex}). The obvious single update {@code {_id: id, version: {$lt: n}}} is correct too, but the
 * embedded MongoDB server answers a query from an index only when its keys are exactly an index's keys; anything
 * more scans and decodes the whole collection, for every event (measured: the search projection fell ever further
 * behind under booking load, docs/benchmarks.md). On MongoDB 7 both forms are served by the {@code _id} index.
 * <p>
 * The version to compare with is the one this guard last wrote or read for the document; only when that is
 * unknown or out of date (another writer, a restart) is the document read first. Versions only grow, so a known
 * version at or above the event's number proves the event applied without asking the store. After the collection
 * is emptied (a replay), {@link #forgetKnownVersions()} must be called.
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

    /** Documents whose version is remembered; an evicted one costs one extra read on its next event. */
    private static final int KNOWN_VERSIONS = 100_000;

    private final MongoTemplate mongoTemplate;
    private final String collection;
    /** The mapped type, so updates are converted as for the read model; null for an unmapped collection. */
    private final Class<?> readModel;
    private final Cache<String, Long> knownVersions = Caffeine.newBuilder().maximumSize(KNOWN_VERSIONS).build();

    public VersionGuard(MongoTemplate mongoTemplate, Class<?> readModel) {
        this(mongoTemplate, mongoTemplate.getCollectionName(readModel), readModel);
    }

    public VersionGuard(MongoTemplate mongoTemplate, String collection) {
        this(mongoTemplate, collection, null);
    }

    private VersionGuard(MongoTemplate mongoTemplate, String collection, Class<?> readModel) {
        this.mongoTemplate = mongoTemplate;
        this.collection = collection;
        this.readModel = readModel;
    }

    /** The unique {@code {_id, version}} index the compare-and-set is answered from on the embedded server. */
    public void ensureIndex() {
        mongoTemplate.indexOps(collection).createIndex(new Index(ID, Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC).unique().named(INDEX_NAME));
    }

    /**
     * Applies {@code update} (plus {@code version = sequenceNumber}) unless the document is missing or has seen this
     * event or a later one.
     *
     * @return whether this call changed the document
     */
    public boolean applyOnce(String id, long sequenceNumber, Update update) {
        Long known = knownVersions.getIfPresent(id);
        if (known != null) {
            if (known >= sequenceNumber) {
                return false;
            }
            if (compareAndSet(id, known, sequenceNumber, update)) {
                return true;
            }
        }
        return readThenApply(id, sequenceNumber, false, current -> update);
    }

    /**
     * As {@link #applyOnce(String, long, Update)}, with the update computed from the stored document as it is now,
     * for a change that depends on it; a null update changes nothing.
     */
    public boolean applyOnce(String id, long sequenceNumber, Function<Document, Update> change) {
        Long known = knownVersions.getIfPresent(id);
        if (known != null && known >= sequenceNumber) {
            return false;
        }
        return readThenApply(id, sequenceNumber, true, change);
    }

    /** To be called after the collection was emptied: the remembered versions no longer hold. */
    public void forgetKnownVersions() {
        knownVersions.invalidateAll();
    }

    private boolean readThenApply(String id, long sequenceNumber, boolean readWholeDocument,
                                  Function<Document, Update> change) {
        Document byId = new Document(ID, id);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var found = mongoTemplate.getCollection(collection).find(byId);
            Document current = (readWholeDocument ? found : found.projection(new Document(VERSION, 1))).first();
            if (current == null) {
                knownVersions.invalidate(id);
                return false;
            }
            Object version = current.get(VERSION);
            if (version instanceof Number number) {
                knownVersions.put(id, number.longValue());
                if (number.longValue() >= sequenceNumber) {
                    return false;
                }
            }
            Update update = change.apply(current);
            if (update == null) {
                return false;
            }
            if (compareAndSet(id, version, sequenceNumber, update)) {
                return true;
            }
        }
        throw new IllegalStateException("Document " + id + " of " + collection + " kept changing while event "
                + sequenceNumber + " was applied");
    }

    private boolean compareAndSet(String id, Object expectedVersion, long sequenceNumber, Update update) {
        Query unchanged = Query.query(where(ID).is(id).and(VERSION).is(expectedVersion));
        update.set(VERSION, sequenceNumber);
        long matched = readModel == null
                ? mongoTemplate.updateFirst(unchanged, update, collection).getMatchedCount()
                : mongoTemplate.updateFirst(unchanged, update, readModel).getMatchedCount();
        if (matched > 0) {
            knownVersions.put(id, sequenceNumber);
            return true;
        }
        knownVersions.invalidate(id);
        return false;
    }
}
