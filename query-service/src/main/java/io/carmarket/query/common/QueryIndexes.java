package io.carmarket.query.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

import java.util.List;

/**
 * Declares indexes that only make queries faster (MongoDB 7 uses them; the embedded server ignores non-unique
 * ones). A failure is logged, never fatal: the queries are correct without an index, only slower.
 */
public final class QueryIndexes {

    private static final Logger log = LoggerFactory.getLogger(QueryIndexes.class);

    private QueryIndexes() {
    }

    public static void ensure(MongoTemplate mongoTemplate, String collection, List<Index> definitions) {
        IndexOperations indexes = mongoTemplate.indexOps(collection);
        for (Index index : definitions) {
            try {
                indexes.ensureIndex(index);
            } catch (RuntimeException failure) {
                log.warn("Index {} of {} could not be created; its queries still work, more slowly: {}",
                        index.getIndexOptions().get("name"), collection, failure.getMessage());
            }
        }
    }
}
