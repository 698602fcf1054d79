package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.carmarket.standalone.CarMarketClient.Session;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the standalone with SIGKILL right after writes of every kind that it acknowledged, and starts it again on the
 * same data directory: every one of them is there (docs/architecture.md D35). The standalone runs as a process of its
 * own, so that the kill is a real one: no shutdown hook, no final commit.
 * <p>
 * Starting the process takes half a minute, so the writes, the kill and the restart happen once for the class; each
 * test then checks one kind of write against the restarted process. The writes right before the kill are one burst,
 * with everything they need prepared before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillNineSurvivalTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int ACCOUNTS = 10;
    private static final int RESERVATIONS_BEFORE_THE_KILL = 3;
    private static final String KEY_HEADER = "Idempotency-Key";
    private static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";

    /**
     * Short, so that a booking awaiting approval at the kill falls due while the test waits; long enough that it
     * cannot fall due before the kill.
     */
    private static final Duration APPROVAL_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    private static final Map<String, String> PROCESS_PROPERTIES = Map.of(
            "carmarket.cars.policy.approval-timeout", APPROVAL_TIMEOUT.toString(),
            "carmarket.deadlines.sweep-interval", SWEEP_INTERVAL.toString());
    /** How long what follows from an event (a read model, a process's next step, an expiry) may take to show. */
    private static final Duration FOLLOW_UP_WAIT = Duration.ofSeconds(30);

    private static final int BOOKING_LEAD_DAYS = 30;
    private static final int BOOKING_DAYS = 3;
    private static final int HANDOVER_LEAD_DAYS = 30;
    private static final String ASKING_PRICE = "20000.00";
    private static final String FIRST_OFFER = "18000.00";
    private static final String LATE_LISTING_MAKE = "LateListing";

    /** Where axon-mongo's saga store keeps the processes (its defaults) in the standalone's database. */
    private static final String MONGO_DATABASE = "carmarket";
    private static final String SAGAS = "sagas";
    private static final String NEGOTIATION_ASSOCIATION = "negotiationId";

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate bookingStart = LocalDate.now(ZONE).plusDays(BOOKING_LEAD_DAYS);
    private final LocalDate bookingEnd = bookingStart.plusDays(BOOKING_DAYS);

    // What was acknowledged before the kill.
    private final List<Session> accounts = new ArrayList<>();
    private final List<String> orderNumbersBeforeTheKill = new ArrayList<>();
    private Session dealer;
    private Session customer;
    private Session buyer;
    private String revokedRefreshToken;
    private String bookedCarId;
    private String idempotencyKey;
    private ResponseEntity<JsonNode> firstAnswer;
    private String pendingCarId;
    private String pendingBookingId;
    private String negotiationId;
    private String negotiationCarId;
    private String lateListingId;
    private String spareSaleCarId;

    private StandaloneProcess restarted;
    private CarMarketClient client;
    private CarMarketClient admin;

    @BeforeAll
    void writeKillAndRestart(@TempDir Path dataDir) throws Exception {
        try (StandaloneProcess first = StandaloneProcess.start(dataDir, PROCESS_PROPERTIES)) {
            CarMarketClient anonymous = new CarMarketClient(first.port());
            Prepared prepared = prepare(anonymous);
            Instant pendingBookedAt = burstOfWrites(anonymous, first, prepared);
            first.killNine();
            assertThat(Instant.now()).as("the kill came before the approval deadline, so only the restarted process "
                    + "can have expired the booking").isBefore(pendingBookedAt.plus(APPROVAL_TIMEOUT));
        }
        restarted = StandaloneProcess.start(dataDir, PROCESS_PROPERTIES);
        client = new CarMarketClient(restarted.port());
        admin = client.as(client.login(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void every_account_registered_right_before_the_kill_can_log_in_after_it() {
        for (Session account : accounts) {
            assertThat(client.login(account.email(), account.password()).userId())
                    .as("account %s", account.email()).isEqualTo(account.userId());
        }
    }

    @Test
    void a_session_logged_out_right_before_the_kill_stays_revoked() {
        assertThat(client.post("/auth/refresh", Map.of("refreshToken", revokedRefreshToken)).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void a_booking_acknowledged_right_before_the_kill_still_holds_its_dates() {
        ResponseEntity<JsonNode> overlapping = client.as(customer).book(bookedCarId, bookingStart.plusDays(1),
                bookingEnd.minusDays(1));

        assertThat(overlapping.getStatusCode().value()).as("the booking's event is in the store").isEqualTo(409);
    }

    @Test
    void a_retried_idempotent_booking_answers_the_first_result_and_emits_nothing() {
        List<JsonNode> historyBefore = history(bookedCarId);

        ResponseEntity<JsonNode> retry = bookWithKey(client.as(customer), bookedCarId, idempotencyKey);

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst(REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(firstAnswer.getBody());
        List<JsonNode> historyAfter = history(bookedCarId);
        assertThat(historyAfter).as("the car's events").hasSameSizeAs(historyBefore);
        assertThat(historyAfter).filteredOn(event -> "CarBooked".equals(event.get("type").asText())).hasSize(1);
    }

    @Test
    void an_order_number_handed_out_before_the_kill_is_never_handed_out_again() {
        ResponseEntity<JsonNode> reserved = client.as(customer).post(reservationsOf(spareSaleCarId),
                reservationRequest());

        assertThat(reserved.getStatusCode().value()).as("%s", reserved.getBody()).isEqualTo(201);
        assertThat(reserved.getBody().get("orderNumber").asText()).isNotIn(orderNumbersBeforeTheKill);
    }

    @Test
    void a_booking_awaiting_approval_at_the_kill_expires_after_the_restart() {
        await().atMost(APPROVAL_TIMEOUT.plus(FOLLOW_UP_WAIT)).untilAsserted(() ->
                assertThat(history(pendingCarId)).as("the car's events")
                        .anyMatch(event -> "BookingApprovalExpired".equals(event.get("type").asText())
                                && pendingBookingId.equals(event.get("payload").get("bookingId").asText())));
    }

    @Test
    void a_negotiation_process_started_before_the_kill_reserves_the_car_when_the_offer_is_accepted_after_it() {
        ResponseEntity<JsonNode> accepted = client.as(dealer).post("/negotiations/" + negotiationId + "/accept", null);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(200);

        await().atMost(FOLLOW_UP_WAIT).untilAsserted(() ->
                assertThat(history(negotiationId)).as("the negotiation's events")
                        .anyMatch(event -> "PurchaseArranged".equals(event.get("type").asText())));
        assertThat(history(negotiationCarId)).as("the car's events")
                .anyMatch(event -> "PurchaseReserved".equals(event.get("type").asText())
                        && buyer.userId().equals(event.get("payload").get("customerId").asText()));
    }

    @Test
    void the_read_models_catch_up_with_what_was_written_right_before_the_kill() {
        await().atMost(FOLLOW_UP_WAIT).untilAsserted(() -> {
            assertThat(items(client.search("make=" + LATE_LISTING_MAKE)))
                    .extracting(car -> car.get("carId").asText()).containsExactly(lateListingId);
            assertThat(client.get("/cars/" + bookedCarId).getBody().get("bookedPeriods"))
                    .as("the car's booked periods have the booking, once").hasSize(1);
            String bookingId = firstAnswer.getBody().get("bookingId").asText();
            ResponseEntity<JsonNode> booking = client.as(customer).get("/bookings/" + bookingId);
            assertThat(booking.getStatusCode().value()).as("the customer's booking %s", bookingId).isEqualTo(200);
        });
    }

    /** Users and cars the burst of writes needs; written well before the kill. */
    private Prepared prepare(CarMarketClient anonymous) {
        dealer = anonymous.newUser("DEALER");
        customer = anonymous.newUser("CUSTOMER");
        buyer = anonymous.newUser("CUSTOMER");
        CarMarketClient asDealer = anonymous.as(dealer);
        bookedCarId = asDealer.listCar(anonymous.carListing("KillNine"));
        pendingCarId = asDealer.listCar(anonymous.carListing("PeakTime"));
        ResponseEntity<JsonNode> peakWindow = asDealer.exchange(HttpMethod.PUT, "/cars/" + pendingCarId
                + "/peak-windows", List.of(Map.of("from", bookingStart.toString(), "until", bookingEnd.toString())),
                new HttpHeaders());
        assertThat(peakWindow.getStatusCode().value()).as("%s", peakWindow.getBody()).isEqualTo(200);
        List<String> saleCarIds = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS_BEFORE_THE_KILL; i++) {
            saleCarIds.add(asDealer.listCar(carForSale(anonymous, "ForSale")));
        }
        spareSaleCarId = asDealer.listCar(carForSale(anonymous, "ForSale"));
        negotiationCarId = asDealer.listCar(carForSale(anonymous, "Negotiable"));
        ObjectNode lateListing = anonymous.carListing(LATE_LISTING_MAKE);
        Session leaving = anonymous.newUser("CUSTOMER");
        return new Prepared(saleCarIds, lateListing, leaving);
    }

    private record Prepared(List<String> saleCarIds, ObjectNode lateListing, Session leaving) {
    }

    /**
     * One write of each kind, as close to the kill as they can be: the slow ones first (registrations hash their
     * passwords; the negotiation's process starts after the opening was answered), then the quick ones within the
     * last second, which is what an uncommitted store would lose (docs/architecture.md D35).
     *
     * @return when the booking awaiting approval was asked for (its deadline is at least the timeout later)
     */
    private Instant burstOfWrites(CarMarketClient anonymous, StandaloneProcess standalone, Prepared prepared) {
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(anonymous.newUser("CUSTOMER"));
        }

        ResponseEntity<JsonNode> opened = anonymous.as(buyer).post("/negotiations",
                Map.of("carId", negotiationCarId, "amount", FIRST_OFFER));
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        negotiationId = opened.getBody().get("negotiationId").asText();
        awaitProcessStored(standalone, negotiationId);

        for (String carId : prepared.saleCarIds()) {
            ResponseEntity<JsonNode> reserved = anonymous.as(customer).post(reservationsOf(carId),
                    reservationRequest());
            assertThat(reserved.getStatusCode().value()).as("%s", reserved.getBody()).isEqualTo(201);
            orderNumbersBeforeTheKill.add(reserved.getBody().get("orderNumber").asText());
        }

        Instant pendingBookedAt = Instant.now();
        ResponseEntity<JsonNode> pending = anonymous.as(customer).book(pendingCarId, bookingStart, bookingEnd);
        assertThat(pending.getStatusCode().value()).as("%s", pending.getBody()).isEqualTo(201);
        assertThat(pending.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        pendingBookingId = pending.getBody().get("bookingId").asText();

        lateListingId = anonymous.as(dealer).listCar(prepared.lateListing());

        idempotencyKey = UUID.randomUUID().toString();
        firstAnswer = bookWithKey(anonymous.as(customer), bookedCarId, idempotencyKey);
        assertThat(firstAnswer.getStatusCode().value()).as("%s", firstAnswer.getBody()).isEqualTo(201);

        revokedRefreshToken = prepared.leaving().refreshToken();
        assertThat(anonymous.post("/auth/logout", Map.of("refreshToken", revokedRefreshToken))
                .getStatusCode().value()).isEqualTo(204);
        return pendingBookedAt;
    }

    /**
     * The negotiation's process is started by a tracking processor, after the opening was answered. Waiting until
     * its saga is stored makes the restarted process find it in the saga store: had the kill come first, the restart
     * would merely start it again from the event store.
     */
    private static void awaitProcessStored(StandaloneProcess standalone, String negotiationId) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + standalone.mongoPort())) {
            MongoCollection<Document> sagas = mongo.getDatabase(MONGO_DATABASE).getCollection(SAGAS);
            await().atMost(FOLLOW_UP_WAIT).until(() -> sagas.countDocuments(Filters.elemMatch("associations",
                    Filters.and(Filters.eq("key", NEGOTIATION_ASSOCIATION), Filters.eq("value", negotiationId))))
                    == 1);
        }
    }

    /** The aggregate's events, from the audit API (the event store itself, no read model in between). */
    private List<JsonNode> history(String aggregateId) {
        ResponseEntity<JsonNode> page = admin.get("/audit/aggregates/" + aggregateId + "/events");
        assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
        assertThat(page.getBody().get("nextSequence").isNull()).as("the whole history on one page").isTrue();
        return StreamSupport.stream(page.getBody().get("events").spliterator(), false).toList();
    }

    private ResponseEntity<JsonNode> bookWithKey(CarMarketClient as, String carId, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(KEY_HEADER, key);
        return as.exchange(HttpMethod.POST, "/cars/" + carId + "/bookings", json.createObjectNode()
                .put("startDate", bookingStart.toString())
                .put("endDate", bookingEnd.toString()), headers);
    }

    private static ObjectNode carForSale(CarMarketClient anonymous, String make) {
        return anonymous.carListing(make).put("askingPrice", ASKING_PRICE);
    }

    private static String reservationsOf(String carId) {
        return "/cars/" + carId + "/purchase-reservations";
    }

    private Map<String, String> reservationRequest() {
        return Map.of("paymentMethod", "FULL_PAYMENT",
                "handoverDate", LocalDate.now(ZONE).plusDays(HANDOVER_LEAD_DAYS).toString());
    }
}
