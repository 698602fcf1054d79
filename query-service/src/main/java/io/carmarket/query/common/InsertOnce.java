package io.carmarket.query.common;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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
        Document document = new Document();
        mongoTemplate.getConverter().write(entry, document);
        Update insertOnce = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field) && !"_class".equals(field)) {
                insertOnce.setOnInsert(field, value);
            }
        });
        mongoTemplate.upsert(Query.query(where("_id").is(id)), insertOnce, entry.getClass());
    }
}
