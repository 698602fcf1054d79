package io.carmarket.query.projection;

import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Specification of {@link RoutingDatabaseFactory}: each read model's collections are opened where it lives. */
class RoutingDatabaseFactoryTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final String HOME = "carmarket-test";
    private static final String REBUILT = "carmarket-test_search_1";

    private RoutingDatabaseFactory databases;
    private MongoTemplate routed;

    @BeforeEach
    void emptyDatabases() {
        for (String database : List.of(HOME, REBUILT)) {
            mongo.template().getMongoDatabaseFactory().getMongoDatabase(database).drop();
        }
        databases = new RoutingDatabaseFactory(mongo.template().getMongoDatabaseFactory());
        routed = new MongoTemplate(databases);
    }

    @Test
    void a_collection_that_was_never_rebuilt_is_opened_in_the_configured_database() {
        routed.getCollection("car_search").insertOne(new Document("_id", "car-1"));

        assertThat(countIn(HOME, "car_search")).isEqualTo(1);
        assertThat(countIn(REBUILT, "car_search")).isZero();
    }

    @Test
    void a_relocated_collection_is_read_and_written_in_its_new_home_by_name_and_through_queries() {
        databaseOf(REBUILT).getCollection("car_search").insertOne(new Document("_id", "rebuilt-car"));
        databaseOf(HOME).getCollection("car_search").insertOne(new Document("_id", "old-car"));

        databases.relocate(Set.of("car_search"), REBUILT);
        routed.getCollection("car_search").insertOne(new Document("_id", "new-car"));

        assertThat(routed.find(new Query(), Document.class, "car_search")).extracting(document -> document.get("_id"))
                .containsExactlyInAnyOrder("rebuilt-car", "new-car");
        assertThat(countIn(HOME, "car_search")).as("the old home is left alone").isEqualTo(1);
    }

    @Test
    void other_collections_stay_home_when_one_is_relocated() {
        databases.relocate(Set.of("car_search"), REBUILT);

        routed.getCollection("favorites").insertOne(new Document("_id", "favorite-1"));

        assertThat(countIn(HOME, "favorites")).isEqualTo(1);
    }

    @Test
    void a_thread_writing_a_rebuild_writes_that_projections_collections_to_the_rebuild_only() {
        RebuildTarget rebuild = new RebuildTarget(Set.of("car_search"), REBUILT);

        rebuild.within(() -> {
            routed.getCollection("car_search").insertOne(new Document("_id", "car-1"));
            routed.getCollection("bookings").insertOne(new Document("_id", "booking-1"));
            return null;
        });
        routed.getCollection("car_search").insertOne(new Document("_id", "car-2"));

        assertThat(countIn(REBUILT, "car_search")).isEqualTo(1);
        assertThat(countIn(HOME, "bookings")).as("not the rebuilt projection's collection").isEqualTo(1);
        assertThat(countIn(HOME, "car_search")).as("after the rebuild's scope, home again").isEqualTo(1);
    }

    @Test
    void relocating_to_the_configured_database_brings_a_collection_home() {
        databases.relocate(Set.of("car_search"), REBUILT);
        databases.relocate(Set.of("car_search"), HOME);

        routed.getCollection("car_search").insertOne(new Document("_id", "car-1"));

        assertThat(countIn(HOME, "car_search")).isEqualTo(1);
    }

    private long countIn(String database, String collection) {
        return databaseOf(database).getCollection(collection).countDocuments();
    }

    private com.mongodb.client.MongoDatabase databaseOf(String database) {
        return mongo.template().getMongoDatabaseFactory().getMongoDatabase(database);
    }
}
