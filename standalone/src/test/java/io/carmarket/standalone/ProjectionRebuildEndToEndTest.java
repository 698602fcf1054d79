package io.carmarket.standalone;

import io.carmarket.query.common.ProjectionProcessing;
import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.query.projection.ProjectionMonitor;
import io.carmarket.query.projection.ProjectionRebuilds;
import io.carmarket.standalone.CarMarketClient.Session;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild step by step: the projections' monitor does not run by itself here ({@code monitor-interval} of an
 * hour), so each test decides when a rebuild that has caught up is switched to, by calling the monitor's tick.
 */
@StandaloneSystemTest(properties = "carmarket.projections.monitor-interval=1h")
class ProjectionRebuildEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OTHER_INSTANCE = "other-query-service-instance";
    private static final int PROJECTIONS = ProjectionProcessing.PROCESSING_GROUPS.size();

    @LocalServerPort
    int port;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    ProjectionMonitor monitor;

    @Autowired
    MongoTemplate mongoTemplate;

    private CarMarketClient anonymous;
    private CarMarketClient admin;
    private Session adminSession;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        adminSession = anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin = anonymous.as(adminSession);
        Session dealer = anonymous.newUser("DEALER");
        anonymous.as(dealer).listCar(anonymous.as(dealer).carListing("Rebuilt"));
    }

    @AfterEach
    void finishEveryRebuild() {
        mongoTemplate.getCollection("query_service_instances").deleteOne(new Document("_id", OTHER_INSTANCE));
        await().atMost(WAIT).untilAsserted(() -> {
            rebuilds.tick();
            assertThat(rebuilds.replayOf("car-search")).isEmpty();
        });
    }

    @Test
    void a_second_replay_of_a_projection_being_rebuilt_is_refused_with_409() {
        assertThat(admin.post("/admin/projections/car-search/replay", Map.of()).getStatusCode().value()).isEqualTo(202);

        ResponseEntity<JsonNode> second = admin.post("/admin/projections/car-search/replay", Map.of());

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().get("code").asText()).isEqualTo("REPLAY_IN_PROGRESS");
    }

    @Test
    void the_list_shows_a_rebuild_under_way_until_it_is_switched_to() {
        admin.post("/admin/projections/car-search/replay", Map.of());

        JsonNode during = admin.get("/admin/projections/car-search").getBody();
        assertThat(during.get("state").asText()).isEqualTo("REPLAYING");
        assertThat(during.get("replay").get("requestedBy").asText()).isEqualTo(admin.userId());
        assertThat(during.get("rebuiltAside").asBoolean()).isTrue();

        await().atMost(WAIT).untilAsserted(() -> {
            rebuilds.tick();
            JsonNode after = admin.get("/admin/projections/car-search").getBody();
            assertThat(after.get("state").asText()).isEqualTo("RUNNING");
            assertThat(after.has("replay")).isFalse();
            assertThat(after.get("progressPercent").asDouble()).isEqualTo(100.0);
        });
    }

    @Test
    void searches_answer_from_the_previous_read_model_until_the_rebuild_is_switched_to() {
        Session dealer = anonymous.newUser("DEALER");
        CarMarketClient dealerClient = anonymous.as(dealer);
        String before = dealerClient.listCar(dealerClient.carListing("Before"));
        await().atMost(WAIT).until(() -> isFound(before));
        assertThat(admin.post("/admin/projections/car-search/replay", Map.of()).getStatusCode().value()).isEqualTo(202);

        String during = dealerClient.listCar(dealerClient.carListing("During"));
        await().atMost(WAIT).until(() -> rebuilds.replayOf("car-search").isPresent() && caughtUpInRebuild());

        assertThat(isFound(before)).as("the previous read model still answers").isTrue();
        assertThat(isFound(during)).as("a car the rebuild has seen is not visible before the switch").isFalse();
        rebuilds.tick();
        assertThat(rebuilds.replayOf("car-search")).isEmpty();
        assertThat(isFound(before)).isTrue();
        assertThat(isFound(during)).isTrue();
    }

    @Test
    void a_replay_is_refused_while_another_query_service_instance_is_alive() {
        mongoTemplate.getCollection("query_service_instances").insertOne(new Document("_id", OTHER_INSTANCE)
                .append("name", "4242@other-host").append("heartbeatAt", Date.from(Instant.now())));

        ResponseEntity<JsonNode> refused = admin.post("/admin/projections/car-search/replay", Map.of());

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("REPLAY_NEEDS_ONE_INSTANCE");
        assertThat(refused.getBody().get("detail").asText()).contains("4242@other-host");
        assertThat(rebuilds.replayOf("car-search")).isEmpty();
    }

    @Test
    void an_instance_whose_heartbeat_stopped_does_not_prevent_a_replay() {
        mongoTemplate.getCollection("query_service_instances").insertOne(new Document("_id", OTHER_INSTANCE)
                .append("name", "gone@other-host").append("heartbeatAt", Date.from(Instant.now().minusSeconds(600))));

        assertThat(admin.post("/admin/projections/car-search/replay", Map.of()).getStatusCode().value()).isEqualTo(202);
    }

    @Test
    void projection_progress_is_exposed_as_metrics_tagged_by_projection() {
        await().atMost(WAIT).untilAsserted(() -> {
            monitor.sample();
            JsonNode progress = metric("carmarket.projection.progress.percent", "car-search");
            assertThat(progress.get("measurements").get(0).get("value").asDouble()).isEqualTo(100.0);
        });
        for (String name : List.of("carmarket.projection.lag.events", "carmarket.projection.events.per.second",
                "carmarket.projection.replaying", "carmarket.projection.error", "carmarket.projection.position")) {
            JsonNode metric = metric(name, null);
            assertThat(metric.get("availableTags").get(0).get("tag").asText()).as(name).isEqualTo("projection");
            assertThat(metric.get("availableTags").get(0).get("values")).as(name).hasSize(PROJECTIONS);
        }
    }

    /** One metric from the actuator (the Prometheus endpoint shows the same meters; tests export to none). */
    private JsonNode metric(String name, String projection) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(adminSession.accessToken());
        String url = "http://localhost:" + port + "/actuator/metrics/" + name
                + (projection == null ? "" : "?tag=projection:" + projection);
        return new RestTemplate().exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
    }

    /** Samples the processors without switching anything, and asks whether the rebuild has reached the head. */
    private boolean caughtUpInRebuild() {
        monitor.sample();
        JsonNode progress = admin.get("/admin/projections/car-search").getBody();
        return progress.get("position").asLong() == progress.get("head").asLong();
    }

    private boolean isFound(String carId) {
        return anonymous.get("/cars/" + carId).getStatusCode().value() == 200;
    }
}
