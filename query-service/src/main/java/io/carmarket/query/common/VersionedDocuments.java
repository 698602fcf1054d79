package io.carmarket.query.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The documents of one read-model collection, one per aggregate, changed by that aggregate's events at most once per
 * event: a document's {@code version} holds the sequence number of the last event applied to it, and an event at or
 * below it changes nothing.
 * <p>
 * Within a {@link ProjectionBatch} each document is read once (all the batch's aggregates with one query, except those
 * this instance wrote last and still remembers), changed
 * in memory by every event of the batch, and written once when the batch ends: one ordered bulk write of
 * compare-and-set replacements on exactly {@code {_id, version}} (the keys of the unique index {@link VersionGuard}
 * creates, which the embedded MongoDB server answers from) and inserts. A replacement that finds the document
 * changed by another writer fails the batch, which the processor then repeats from the store. Outside a batch every
 * change is written at once.
 * <p>
 * Changes replace nested values (lists, subdocuments) instead of changing them in place: the document as read is
 * kept for the compare-and-set and for {@link Derived} collections.
 */
public final class VersionedDocuments {

    public static final String ID = "_id";
    public static final String VERSION = "version";

    /**
     * A collection derived from this one, document by document (for example the small search keys of a car): its
     * writes are sent before this collection's in the same batch, so a crash between the two leaves the derived
     * document ahead, and the repeated batch writes both again.
     */
    public interface Derived {

        String collection();

        /**
         * The write that brings the derived document of {@code id} in line with its source, or null when it needs
         * none.
         *
         * @param before the source document as it was before the batch, null if there was none
         * @param after  the source document after the batch
         */
        WriteModel<Document> writeFor(String id, Document before, Document after);
    }

    private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);

    /** Documents remembered as last written; an evicted one is read again by the next batch that needs it. */
    private static final int REMEMBERED_DOCUMENTS = 10_000;

    private final MongoTemplate mongoTemplate;
    private final String collection;
    private final List<Derived> derived;
    /**
     * The documents as this instance last wrote them: the next batch starts from these instead of reading them.
     * A remembered document can only be behind the store, never ahead of it (only a lost write would do that), and
     * being behind fails the compare-and-set, which forgets them all; a reset must forget them too.
     */
    private final Cache<String, Document> lastWritten = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_DOCUMENTS).build();

    /** @param derived collections kept in step with this one, written before it */
    public VersionedDocuments(MongoTemplate mongoTemplate, String collection, Derived... derived) {
        this.mongoTemplate = mongoTemplate;
        this.collection = collection;
        this.derived = List.of(derived);
    }

    /** Applies {@code change} to the document of {@code id} unless it is missing or has seen this event. */
    public boolean change(String id, long sequenceNumber, Consumer<Document> change) {
        return changeIf(id, sequenceNumber, document -> {
            change.accept(document);
            return true;
        });
    }

    /**
     * As {@link #change}, for a change that may find nothing to do: {@code change} answers whether it changed the
     * document; if not, the document keeps its version.
     */
    public boolean changeIf(String id, long sequenceNumber, Predicate<Document> change) {
        Changes changes = changes();
        Tracked document = changes.find(id);
        if (document.current == null || versionOf(document.current) >= sequenceNumber) {
            return false;
        }
        Document changed = new Document(document.current);
        if (!change.test(changed)) {
            return false;
        }
        changed.put(VERSION, sequenceNumber);
        document.current = changed;
        changes.writeIfImmediate();
        return true;
    }

    /** Creates the document of {@code id} as {@code created} (its version the event's) unless it exists already. */
    public boolean insertOnce(String id, long sequenceNumber, Document created) {
        Changes changes = changes();
        Tracked document = changes.find(id);
        if (document.current != null) {
            return false;
        }
        Document inserted = new Document(ID, id);
        created.forEach((field, value) -> {
            if (!ID.equals(field)) {
                inserted.put(field, value);
            }
        });
        inserted.put(VERSION, sequenceNumber);
        document.current = inserted;
        changes.writeIfImmediate();
        return true;
    }

    /** To be called when the collection was emptied (a reset before a replay). */
    public void forgetWrittenDocuments() {
        lastWritten.invalidateAll();
    }

    private Changes changes() {
        return ProjectionBatch.current()
                .map(batch -> batch.writesOf(this, () -> new Changes(false)))
                .orElseGet(() -> new Changes(true));
    }

    private static long versionOf(Document document) {
        return document.get(VERSION) instanceof Number version ? version.longValue() : -1;
    }

    private MongoCollection<Document> collection(String name) {
        return mongoTemplate.getCollection(name);
    }

    /** One document as stored when first read in the batch, and as the batch's events have left it. */
    private static final class Tracked {
        private final Document stored;
        private Document current;

        private Tracked(Document stored) {
            this.stored = stored;
            this.current = stored;
        }

        private boolean changed() {
            return current != stored;
        }
    }

    /** The documents one batch (or one immediate change) has read and changed. */
    private final class Changes implements ProjectionBatch.Writes {

        private final boolean immediate;
        private final Map<String, Tracked> documents = new LinkedHashMap<>();

        private Changes(boolean immediate) {
            this.immediate = immediate;
        }

        private Tracked find(String id) {
            Tracked document = documents.get(id);
            if (document == null) {
                readAll(ProjectionBatch.aggregatesToRead(id, documents::containsKey));
                document = documents.get(id);
            }
            return document;
        }

        private void readAll(Set<String> ids) {
            if (!immediate) {
                lastWritten.getAllPresent(ids).forEach((id, document) -> documents.put(id, new Tracked(document)));
                ids.removeAll(documents.keySet());
                if (ids.isEmpty()) {
                    return;
                }
            }
            Document query = ids.size() == 1
                    ? new Document(ID, ids.iterator().next())
                    : new Document(ID, new Document("$in", List.copyOf(ids)));
            for (Document stored : collection(collection).find(query)) {
                documents.put(stored.getString(ID), new Tracked(stored));
            }
            ids.forEach(id -> documents.putIfAbsent(id, new Tracked(null)));
        }

        private void writeIfImmediate() {
            if (immediate) {
                write();
            }
        }

        @Override
        public void write() {
            List<WriteModel<Document>> writes = new ArrayList<>();
            Map<String, List<WriteModel<Document>>> derivedWrites = new LinkedHashMap<>();
            int replacements = 0;
            for (var entry : documents.entrySet()) {
                Tracked document = entry.getValue();
                if (!document.changed()) {
                    continue;
                }
                if (document.stored == null) {
                    writes.add(new InsertOneModel<>(document.current));
                } else {
                    writes.add(new ReplaceOneModel<>(new Document(ID, entry.getKey())
                            .append(VERSION, document.stored.get(VERSION)), document.current));
                    replacements++;
                }
                for (Derived derivation : derived) {
                    WriteModel<Document> write = derivation.writeFor(entry.getKey(), document.stored,
                            document.current);
                    if (write != null) {
                        derivedWrites.computeIfAbsent(derivation.collection(), name -> new ArrayList<>()).add(write);
                    }
                }
            }
            try {
                derivedWrites.forEach((name, derivedOnes) -> collection(name).bulkWrite(derivedOnes, IN_ORDER));
                if (!writes.isEmpty()) {
                    BulkWriteResult result = collection(collection).bulkWrite(writes, IN_ORDER);
                    if (result.getMatchedCount() != replacements) {
                        throw new IllegalStateException((replacements - result.getMatchedCount()) + " of "
                                + replacements + " documents of " + collection + " were changed by another writer "
                                + "during this batch; it will be repeated");
                    }
                }
            } catch (RuntimeException failure) {
                lastWritten.invalidateAll();
                throw failure;
            }
            if (!immediate) {
                documents.forEach((id, document) -> {
                    if (document.changed()) {
                        lastWritten.put(id, document.current);
                    }
                });
            }
            documents.clear();
        }
    }
}
