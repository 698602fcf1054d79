package io.carmarket.query.common;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Writes a read model document only if there is none with its id yet: an upsert that sets every field on insert
 * only, so a redelivered creating event changes nothing (not even fields that later events have changed since).
 */
public final class InsertOnce {

    private InsertOnce() {
    }

    /** @param entry a document of a mapped read model type (its class names the collection) */
    public static void upsert(MongoTemplate mongoTemplate, Object id, Object entry) {
        mongoTemplate.upsert(byId(id), insertOnceOf(mongoTemplate, entry), entry.getClass());
    }

    /**
     * As {@link #upsert}, but inside a projection batch the write is held and sent at the batch's end, with the
     * batch's other insert-once writes of the same read model, as one ordered bulk write (D32). Only for a read
     * model its projection appends to and never reads while handling events: a held write is not visible before
     * the batch ends. Read models are written in the order the batch first wrote to them.
     *
     * @param entry a document of a mapped read model type (its class names the collection)
     */
    public static void upsertWithBatch(MongoTemplate mongoTemplate, Object id, Object entry) {
        Optional<ProjectionBatch> batch = ProjectionBatch.current();
        if (batch.isEmpty()) {
            upsert(mongoTemplate, id, entry);
            return;
        }
        Class<?> readModel = entry.getClass();
        batch.get().writesOf(new HeldFor(mongoTemplate, readModel), () -> new HeldInserts(mongoTemplate, readModel))
                .add(byId(id), insertOnceOf(mongoTemplate, entry));
    }

    /**
     * Sends the insert-once writes of {@code readModel} that the current batch holds, now: for a writer that is
     * about to read or update that read model within the batch. Nothing happens outside a batch or when none are held.
     */
    public static void writeHeld(MongoTemplate mongoTemplate, Class<?> readModel) {
        ProjectionBatch.current().flatMap(batch -> batch.heldBy(new HeldFor(mongoTemplate, readModel)))
                .ifPresent(ProjectionBatch.Writes::write);
    }

    private static Query byId(Object id) {
        return Query.query(where("_id").is(id));
    }

    private static Update insertOnceOf(MongoTemplate mongoTemplate, Object entry) {
        Document document = new Document();
        mongoTemplate.getConverter().write(entry, document);
        Update insertOnce = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field) && !"_class".equals(field)) {
                insertOnce.setOnInsert(field, value);
            }
        });
        return insertOnce;
    }

    /** Whose held writes these are in a batch: one read model through one template. */
    private record HeldFor(MongoTemplate mongoTemplate, Class<?> readModel) {
    }

    private static final class HeldInserts implements ProjectionBatch.Writes {

        private final MongoTemplate mongoTemplate;
        private final Class<?> readModel;
        private final List<Pair<Query, Update>> upserts = new ArrayList<>();

        HeldInserts(MongoTemplate mongoTemplate, Class<?> readModel) {
            this.mongoTemplate = mongoTemplate;
            this.readModel = readModel;
        }

        void add(Query byId, Update insertOnce) {
            upserts.add(Pair.of(byId, insertOnce));
        }

        @Override
        public void write() {
            if (!upserts.isEmpty()) {
                mongoTemplate.bulkOps(BulkMode.ORDERED, readModel).upsert(upserts).execute();
                upserts.clear();
            }
        }
    }
}
