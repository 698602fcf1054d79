package io.carmarket.query.search;

import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.index.Index;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The index declarations are accepted (the embedded server takes and ignores non-unique ones; MongoDB 7 builds
 * them) and each names only fields the read model stores.
 */
class CarSearchIndexesTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final List<String> STORED_FIELDS = List.of("_id", "status", "featured", "makeKey", "make",
            "cityKey", "searchTokens", "bodyType", "year", "mileage", "dailyRate", "askingPrice", "listedAt");

    @Test
    void ensuring_the_indexes_succeeds_and_can_be_repeated() {
        CarSearchIndexes indexes = new CarSearchIndexes(mongo.template());

        assertThatCode(() -> {
            indexes.ensureIndexes();
            indexes.ensureIndexes();
        }).doesNotThrowAnyException();
    }

    @Test
    void every_index_has_a_unique_name_and_names_stored_fields_only() {
        List<Index> definitions = CarSearchIndexes.definitions();

        assertThat(definitions).extracting(index -> index.getIndexOptions().get("name")).doesNotHaveDuplicates();
        for (Index index : definitions) {
            Document keys = index.getIndexKeys();
            assertThat(keys.keySet()).as(index.getIndexOptions().toJson()).isSubsetOf(STORED_FIELDS);
        }
    }
}
