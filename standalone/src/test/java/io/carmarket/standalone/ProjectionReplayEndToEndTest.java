package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections admin API over HTTP: who may see and rebuild the read models, and a rebuild from the event history
 * that gives the same read models while reads keep answering from the previous ones.
 */
@StandaloneSystemTest
class ProjectionReplayEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";
    private static final Duration REBUILD_WAIT = Duration.ofSeconds(60);
    private static final List<String> PROJECTIONS =
            List.of("car-search", "bookings", "purchase-reservations", "notifications", "negotiations", "audit-log",
                    "dealer-inventory");
    private static final List<String> SEARCH_AND_BOOKING_COLLECTIONS =
            List.of("car_search", "car_search_keys", "bookings", "booking_cars", "audit_log", "audit_log_keys");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongoTemplate;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private CarMarketClient anonymous;
    private CarMarketClient admin;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        admin = anonymous.as(anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    @Test
    void only_an_admin_sees_the_projections() {
        assertThat(anonymous.get("/admin/projections").getStatusCode().value()).isEqualTo(401);
        for (CarMarketClient other : List.of(anonymous.as(anonymous.newUser("CUSTOMER")),
                anonymous.as(anonymous.newUser("DEALER")), auditor())) {
            ResponseEntity<JsonNode> refused = other.get("/admin/projections");
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }

        ResponseEntity<JsonNode> list = admin.get("/admin/projections");

        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(names(list.getBody())).containsAll(PROJECTIONS);
    }

    @Test
    void only_an_admin_starts_a_replay() {
        assertThat(anonymous.post("/admin/projections/car-search/replay", Map.of()).getStatusCode().value())
                .isEqualTo(401);
        for (CarMarketClient other : List.of(anonymous.as(anonymous.newUser("CUSTOMER")),
                anonymous.as(anonymous.newUser("DEALER")), auditor())) {
            assertThat(other.post("/admin/projections/car-search/replay", Map.of()).getStatusCode().value())
                    .isEqualTo(403);
        }
        assertThat(progressOf("car-search").get("replay")).as("no replay was started").isNull();
    }

    @Test
    void every_projection_reports_exactly_100_percent_when_it_has_caught_up() {
        listCarWithBookings();

        await().atMost(REBUILD_WAIT).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                JsonNode progress = progressOf(projection);
                assertThat(progress.get("state").asText()).as(projection).isEqualTo("RUNNING");
                assertThat(progress.get("progressPercent").asDouble()).as(projection).isEqualTo(100.0);
                assertThat(progress.get("position").asLong()).as(projection).isEqualTo(progress.get("head").asLong());
                assertThat(progress.get("segments").asInt()).as(projection).isPositive();
            }
        });
    }

    @Test
    void an_unknown_projection_is_not_found() {
        for (ResponseEntity<JsonNode> response : List.of(admin.get("/admin/projections/no-such-projection"),
                admin.post("/admin/projections/no-such-projection/replay", Map.of()))) {
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getBody().get("code").asText()).isEqualTo("PROJECTION_NOT_FOUND");
        }
    }

    @Test
    void a_replay_rebuilds_the_search_booking_and_audit_read_models_identically_while_reads_keep_answering()
            throws InterruptedException {
        Session customer = listCarWithBookings();
        awaitCaughtUp("car-search", "bookings", "audit-log");
        List<String> firstPage = carIds(anonymous.search("limit=50"));
        Map<String, List<String>> before = dump();
        CarMarketClient reader = anonymous.as(customer);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reads = new Thread(() -> {
            while (reading.get()) {
                ResponseEntity<JsonNode> search = reader.get("/cars?limit=50");
                ResponseEntity<JsonNode> bookings = reader.get("/bookings");
                if (search.getStatusCode().value() != 200 || !carIds(search.getBody()).equals(firstPage)) {
                    failures.add(java.time.Instant.now() + " search: " + search.getStatusCode() + " " + search.getBody());
                }
                if (bookings.getStatusCode().value() != 200 || bookings.getBody().get("items").isEmpty()) {
                    failures.add(java.time.Instant.now() + " bookings: " + bookings.getStatusCode() + " " + bookings.getBody());
                }
            }
        });
        reads.start();

        ResponseEntity<JsonNode> searchReplay = admin.post("/admin/projections/car-search/replay", Map.of());
        ResponseEntity<JsonNode> bookingReplay = admin.post("/admin/projections/bookings/replay", Map.of());
        ResponseEntity<JsonNode> auditLogReplay = admin.post("/admin/projections/audit-log/replay", Map.of());
        assertThat(searchReplay.getStatusCode().value()).isEqualTo(202);
        assertThat(searchReplay.getHeaders().getLocation()).hasPath("/api/v1/admin/projections/car-search");
        assertThat(bookingReplay.getStatusCode().value()).isEqualTo(202);
        assertThat(auditLogReplay.getStatusCode().value()).isEqualTo(202);
        assertThat(searchReplay.getBody().get("replay").get("requestedBy").asText()).isEqualTo(admin.userId());
        awaitCaughtUp("car-search", "bookings", "audit-log");
        reading.set(false);
        reads.join();

        assertThat(failures).isEmpty();
        assertThat(dump()).isEqualTo(before);
    }

    private Session listCarWithBookings() {
        Session dealer = anonymous.newUser("DEALER");
        Session customer = anonymous.newUser("CUSTOMER");
        CarMarketClient dealerClient = anonymous.as(dealer);
        CarMarketClient customerClient = anonymous.as(customer);
        for (int car = 0; car < 3; car++) {
            String carId = dealerClient.listCar(dealerClient.carListing("Replay" + car));
            ResponseEntity<JsonNode> kept = customerClient.book(carId, today.plusDays(10), today.plusDays(12));
            ResponseEntity<JsonNode> cancelled = customerClient.book(carId, today.plusDays(20), today.plusDays(21));
            assertThat(kept.getStatusCode().value()).isEqualTo(201);
            assertThat(customerClient.cancel(carId, cancelled.getBody().get("bookingId").asText())
                    .getStatusCode().value()).isEqualTo(200);
        }
        return customer;
    }

    private void awaitCaughtUp(String... projections) {
        await().atMost(REBUILD_WAIT).untilAsserted(() -> {
            for (String projection : projections) {
                JsonNode progress = progressOf(projection);
                assertThat(progress.get("replay")).as(projection + " " + progress).isNull();
                assertThat(progress.get("state").asText()).as(projection).isEqualTo("RUNNING");
                assertThat(progress.get("progressPercent").asDouble()).as(projection).isEqualTo(100.0);
            }
        });
    }

    /** Every document of the search, booking and audit-log read models, as JSON, in id order. */
    private Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new java.util.TreeMap<>();
        for (String collection : SEARCH_AND_BOOKING_COLLECTIONS) {
            List<String> documents = new ArrayList<>();
            for (Document document : mongoTemplate.getCollection(collection).find().sort(new Document("_id", 1))) {
                documents.add(document.toJson());
            }
            dump.put(collection, documents);
        }
        return dump;
    }

    private JsonNode progressOf(String projection) {
        ResponseEntity<JsonNode> response = admin.get("/admin/projections/" + projection);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private CarMarketClient auditor() {
        String email = "auditor-" + UUID.randomUUID() + "@test.example";
        ObjectNode account = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("email", email).put("password", "Ledger-Check-77").put("name", "Auditor");
        assertThat(admin.exchange(HttpMethod.POST, "/admin/auditors", account).getStatusCode().value()).isEqualTo(201);
        return anonymous.as(anonymous.login(email, "Ledger-Check-77"));
    }

    private static List<String> carIds(JsonNode page) {
        return CarMarketClient.items(page).stream().map(car -> car.get("carId").asText()).toList();
    }

    private static List<String> names(JsonNode list) {
        return StreamSupport.stream(list.get("projections").spliterator(), false)
                .map(projection -> projection.get("name").asText()).toList();
    }
}
