package io.carmarket.query.projection;

import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.projection.ProjectionProgress.Replay;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Specification of {@link ReadModelRouting}: where a read model lives, and what a restart finds of a rebuild. Each
 * "restart" is a new routing on the same database, as the service builds one when it starts.
 */
class ReadModelRoutingTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final String GROUP = "car-search";
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Replay REPLAY = new Replay(NOW, "admin-1");

    private RoutingDatabaseFactory databases;
    private MongoTemplate routed;

    @BeforeEach
    void emptyDatabases() {
        mongo.template().getDb().drop();
        mongo.template().getMongoDatabaseFactory().getMongoDatabase("carmarket-test_car_search_1").drop();
        databases = new RoutingDatabaseFactory(mongo.template().getMongoDatabaseFactory());
        routed = new MongoTemplate(databases);
    }

    @Test
    void a_read_model_never_rebuilt_lives_in_the_configured_database() {
        ReadModelRouting routing = started();

        assertThat(routing.homeOf(GROUP)).isEqualTo("carmarket-test");
        assertThat(routing.rebuildDatabaseOf(GROUP)).isEqualTo("carmarket-test_car_search_1");
    }

    @Test
    void a_rebuild_under_way_is_found_again_after_a_restart() {
        started().recordRebuild(GROUP, REPLAY);

        assertThat(started().rebuildsUnderWay()).containsEntry(GROUP, REPLAY);
    }

    @Test
    void a_finished_rebuild_is_the_read_models_home_after_a_restart_and_no_longer_under_way() {
        ReadModelRouting routing = started();
        routing.recordRebuild(GROUP, REPLAY);
        routing.routeToRebuild(GROUP);
        routing.inRebuildOf(GROUP, () -> routed.getCollection("car_search").insertOne(new Document("_id", "car-1")));

        routing.finishRebuild(GROUP, NOW);
        ReadModelRouting restarted = started();

        assertThat(restarted.rebuildsUnderWay()).isEmpty();
        assertThat(restarted.homeOf(GROUP)).isEqualTo("carmarket-test_car_search_1");
        assertThat(routed.getCollection("car_search").find().first()).containsEntry("_id", "car-1");
    }

    @Test
    void a_rebuild_that_could_not_start_is_forgotten_and_the_home_unchanged() {
        ReadModelRouting routing = started();
        routing.recordRebuild(GROUP, REPLAY);
        routing.routeToRebuild(GROUP);

        routing.forgetRebuild(GROUP);

        assertThat(routing.isRebuilding(GROUP)).isFalse();
        assertThat(started().rebuildsUnderWay()).isEmpty();
        assertThat(started().homeOf(GROUP)).isEqualTo("carmarket-test");
    }

    @Test
    void the_previous_home_is_dropped_only_after_the_grace_period() {
        mongo.template().getCollection("car_search").insertOne(new Document("_id", "old-car"));
        ReadModelRouting routing = started();
        routing.recordRebuild(GROUP, REPLAY);
        routing.routeToRebuild(GROUP);
        routing.finishRebuild(GROUP, NOW);

        routing.dropRetiredBefore(NOW);
        assertThat(mongo.template().getCollection("car_search").countDocuments()).isEqualTo(1);
        routing.dropRetiredBefore(NOW.plusSeconds(1));
        assertThat(mongo.template().getCollection("car_search").countDocuments()).isZero();
    }

    private ReadModelRouting started() {
        ReadModelRouting routing = new ReadModelRouting(routed, databases, List.of(new SearchReadModel()));
        routing.findReadModels();
        return routing;
    }

    private static final class SearchReadModel implements ProjectedReadModel {
        @Override
        public String processingGroup() {
            return GROUP;
        }

        @Override
        public List<String> rebuiltCollections() {
            return List.of("car_search", "car_search_keys");
        }

        @Override
        public void ensureIndexes() {
        }
    }
}
