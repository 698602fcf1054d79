package io.carmarket.query.search;

import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The index declarations are accepted (the embedded server takes and ignores non-unique ones; MongoDB 7 builds
 * them) and each names only fields the search keys documents, which the lists query, store.
 */
class CarSearchIndexesTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    @Test
    void ensuring_the_indexes_succeeds_and_can_be_repeated() {
        CarSearchIndexes indexes = new CarSearchIndexes(mongo.template());

        assertThatCode(() -> {
            indexes.ensureIndexes();
            indexes.ensureIndexes();
        }).doesNotThrowAnyException();
    }

    @Test
    void every_index_has_a_unique_name_and_names_fields_of_the_search_keys_only() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        CarSearchProjection projection = new CarSearchProjection(mongoTemplate);
        projection.on(CarEvents.listing("car-1").event(), 0);
        projection.on(CarEvents.featured("car-1", true), 1);
        Set<String> storedFields = mongoTemplate.getCollection(CarSearchKeys.COLLECTION).find().first().keySet();
        List<Index> definitions = CarSearchIndexes.definitions();

        assertThat(definitions).extracting(index -> index.getIndexOptions().get("name")).doesNotHaveDuplicates();
        for (Index index : definitions) {
            Document keys = index.getIndexKeys();
            assertThat(keys.keySet()).as(index.getIndexOptions().toJson()).isSubsetOf(storedFields);
        }
    }
}
