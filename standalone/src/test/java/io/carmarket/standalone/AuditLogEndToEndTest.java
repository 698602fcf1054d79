package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The global audit log and business transactions over HTTP: who may read them, every filter, paging, NDJSON. */
@StandaloneSystemTest
class AuditLogEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";
    private static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private CarMarketClient anonymous;
    private CarMarketClient admin;
    private CarMarketClient auditor;
    private CarMarketClient dealer;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        admin = anonymous.as(anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD));
        auditor = anonymous.as(newAuditor());
        dealer = anonymous.as(anonymous.newUser("DEALER"));
    }

    @Test
    void only_auditors_and_admins_read_the_audit_log_and_others_get_problems() {
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        for (String path : List.of("/audit/events", "/audit/correlations/" + UUID.randomUUID())) {
            ResponseEntity<String> unauthenticated = anonymous.getText(path);
            assertThat(unauthenticated.getStatusCode().value()).as(path).isEqualTo(401);
            assertThat(unauthenticated.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            for (CarMarketClient refused : List.of(customer, dealer)) {
                ResponseEntity<String> forbidden = refused.getText(path);
                assertThat(forbidden.getStatusCode().value()).as(path).isEqualTo(403);
                assertThat(forbidden.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            }
        }
        assertThat(auditor.get("/audit/events?limit=1").getStatusCode().value()).isEqualTo(200);
        assertThat(admin.get("/audit/events?limit=1").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void every_filter_narrows_the_log_and_filters_combine() {
        String carId = dealer.listCar(anonymous.carListing("AuditMake"));
        CarMarketClient alice = anonymous.as(anonymous.newUser("CUSTOMER"));
        CarMarketClient bob = anonymous.as(anonymous.newUser("CUSTOMER"));
        String aliceCorrelation = "audit-alice-" + UUID.randomUUID();
        book(alice, carId, 10, aliceCorrelation);
        book(bob, carId, 20, null);
        List<JsonNode> carEvents = awaitEvents("aggregateId=" + carId, 3);

        assertThat(carEvents).extracting(event -> event.get("type").asText())
                .containsExactly("CarListed", "CarBooked", "CarBooked");
        assertThat(carEvents).allMatch(event -> event.get("aggregateType").asText().equals("Car"));
        assertThat(types(page("aggregateId=" + carId + "&type=CarBooked"))).containsExactly("CarBooked", "CarBooked");
        assertThat(page("aggregateId=" + carId + "&type=CarListed&type=CarBooked").size()).isEqualTo(3);
        List<JsonNode> alices = page("user=" + alice.userId());
        assertThat(alices).hasSize(1);
        assertThat(alices.get(0).get("metadata").get("userId").asText()).isEqualTo(alice.userId());
        assertThat(page("correlationId=" + aliceCorrelation)).extracting(event -> event.get("globalIndex").asLong())
                .containsExactly(alices.get(0).get("globalIndex").asLong());
        Instant bobsBooking = Instant.parse(carEvents.get(2).get("timestamp").asText());
        assertThat(page("aggregateId=" + carId + "&from=" + bobsBooking)).hasSize(1);
        assertThat(page("aggregateId=" + carId + "&to=" + bobsBooking)).hasSize(2);
        assertThat(page("aggregateType=Car&aggregateId=" + carId + "&type=CarBooked&user=" + bob.userId()
                + "&from=" + carEvents.get(0).get("timestamp").asText() + "&to=" + bobsBooking.plusSeconds(1)))
                .extracting(event -> event.get("payload").get("customerId").asText()).containsExactly(bob.userId());
        assertThat(page("aggregateType=Negotiation&aggregateId=" + carId)).isEmpty();
    }

    @Test
    void pages_stay_stable_while_new_events_arrive() {
        String carId = dealer.listCar(anonymous.carListing("AuditPaging"));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        book(customer, carId, 10, null);
        awaitEvents("aggregateId=" + carId, 2);

        JsonNode first = auditor.get("/audit/events?limit=1&aggregateId=" + carId).getBody();
        book(customer, carId, 20, null);
        book(customer, carId, 30, null);
        awaitEvents("aggregateId=" + carId, 4);
        List<Long> seen = new ArrayList<>(indexes(items(first)));
        String cursor = first.get("nextCursor").asText();
        while (true) {
            JsonNode next = auditor.get("/audit/events?limit=1&aggregateId=" + carId + "&cursor=" + cursor).getBody();
            seen.addAll(indexes(items(next)));
            if (next.get("nextCursor").isNull()) {
                break;
            }
            cursor = next.get("nextCursor").asText();
        }

        assertThat(seen).hasSize(4).isSorted().doesNotHaveDuplicates()
                .isEqualTo(indexes(page("aggregateId=" + carId)));
    }

    @Test
    void an_unknown_parameter_is_a_400_naming_it() {
        ResponseEntity<JsonNode> answer = auditor.get("/audit/events?userId=someone");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("errors").has("userId")).isTrue();
    }

    @Test
    void every_bad_value_is_a_400_naming_its_parameter() {
        Map<String, String> refused = Map.of(
                "limit=0", "limit", "limit=501", "limit", "limit=abc", "limit",
                "from=last-week", "from", "to=2026-02-30T00:00:00Z", "to",
                "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to",
                "cursor=bm90LW91cnM", "cursor", "type=Car-Booked", "type", "user=", "user");
        refused.forEach((query, parameter) -> {
            ResponseEntity<JsonNode> answer = auditor.get("/audit/events?" + query);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(answer.getBody().get("errors").has(parameter)).as(query).isTrue();
        });
    }

    @Test
    void ndjson_streams_the_same_events_as_the_pages_one_per_line() throws Exception {
        String carId = dealer.listCar(anonymous.carListing("AuditStream"));
        book(anonymous.as(anonymous.newUser("CUSTOMER")), carId, 10, null);
        List<JsonNode> paged = awaitEvents("aggregateId=" + carId, 2);
        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.parseMediaType(NDJSON)));

        ResponseEntity<String> streamed = auditor.exchangeText(HttpMethod.GET, "/audit/events?aggregateId=" + carId,
                accept);

        assertThat(streamed.getStatusCode().value()).isEqualTo(200);
        assertThat(streamed.getHeaders().getContentType().toString()).startsWith(NDJSON);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : streamed.getBody().split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).isEqualTo(paged);

        ResponseEntity<String> bad = auditor.exchangeText(HttpMethod.GET, "/audit/events?limit=0", accept);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void a_clients_correlation_id_on_a_booking_finds_its_events() {
        String carId = dealer.listCar(anonymous.carListing("AuditCorrelation"));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String correlationId = "client-" + UUID.randomUUID();
        book(customer, carId, 10, correlationId);

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(auditor.get("/audit/correlations/" + correlationId).getStatusCode().value()).isEqualTo(200));
        List<JsonNode> events = items(auditor.get("/audit/correlations/" + correlationId).getBody());

        assertThat(types(events)).containsExactly("CarBooked");
        assertThat(events.get(0).get("aggregateId").asText()).isEqualTo(carId);
        assertThat(events.get(0).get("metadata").get("correlationId").asText()).isEqualTo(correlationId);
        ResponseEntity<JsonNode> unknown = auditor.get("/audit/correlations/none-" + UUID.randomUUID());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("CORRELATION_NOT_FOUND");
    }

    @Test
    void an_accepted_negotiation_shows_the_sagas_chain_in_one_correlation() {
        String carId = dealer.listCar((ObjectNode) anonymous.carListing("AuditDeal").put("askingPrice", "20000.00"));
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        CarMarketClient otherBuyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String negotiationId = buyer.post("/negotiations", Map.of("carId", carId, "amount", "18000.00")).getBody()
                .get("negotiationId").asText();
        otherBuyer.post("/negotiations", Map.of("carId", carId, "amount", "17000.00"));
        String correlationId = "accept-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", correlationId);
        assertThat(dealer.exchange(HttpMethod.POST, "/negotiations/" + negotiationId + "/accept", null, headers)
                .getStatusCode().value()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                types(items(auditor.get("/audit/correlations/" + correlationId).getBody())))
                .contains("OfferAccepted", "PurchaseReserved", "PurchaseArranged"));
        List<JsonNode> chain = items(auditor.get("/audit/correlations/" + correlationId).getBody());

        assertThat(indexes(chain)).isSorted();
        JsonNode accepted = byType(chain, "OfferAccepted");
        JsonNode reserved = byType(chain, "PurchaseReserved");
        assertThat(accepted.get("aggregateId").asText()).isEqualTo(negotiationId);
        assertThat(reserved.get("aggregateType").asText()).isEqualTo("Car");
        assertThat(reserved.get("aggregateId").asText()).isEqualTo(carId);
        assertThat(reserved.get("metadata").get("triggeringEventId").asText())
                .isEqualTo(accepted.get("eventId").asText());
        assertThat(reserved.get("metadata").get("commandName").asText()).isNotBlank();
        assertThat(indexes(chain).indexOf(accepted.get("globalIndex").asLong()))
                .isLessThan(indexes(chain).indexOf(reserved.get("globalIndex").asLong()));
    }

    private Session newAuditor() {
        String email = "auditor-" + UUID.randomUUID() + "@test.example";
        String password = "Ledger-Check-77";
        ObjectNode body = json.createObjectNode().put("email", email).put("password", password).put("name", "Auditor");
        ResponseEntity<JsonNode> created = admin.post("/admin/auditors", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return anonymous.login(email, password);
    }

    private static void book(CarMarketClient customer, String carId, int inDays, String correlationId) {
        LocalDate start = LocalDate.now().plusDays(inDays);
        ObjectNode body = new ObjectMapper().createObjectNode().put("startDate", start.toString())
                .put("endDate", start.plusDays(2).toString());
        HttpHeaders headers = new HttpHeaders();
        if (correlationId != null) {
            headers.set("X-Correlation-Id", correlationId);
        }
        ResponseEntity<JsonNode> booked = customer.exchange(HttpMethod.POST, "/cars/" + carId + "/bookings", body,
                headers);
        assertThat(booked.getStatusCode().value()).as("booking " + booked.getBody()).isEqualTo(201);
    }

    private List<JsonNode> awaitEvents(String query, int expected) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(page(query)).hasSize(expected));
        return page(query);
    }

    private List<JsonNode> page(String query) {
        ResponseEntity<JsonNode> answer = auditor.get("/audit/events?limit=500&" + query);
        assertThat(answer.getStatusCode().value()).as(query + " " + answer.getBody()).isEqualTo(200);
        return items(answer.getBody());
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText()).toList();
    }

    private static List<Long> indexes(List<JsonNode> events) {
        return events.stream().map(event -> event.get("globalIndex").asLong()).toList();
    }

    private static JsonNode byType(List<JsonNode> events, String type) {
        return events.stream().filter(event -> event.get("type").asText().equals(type)).findFirst().orElseThrow();
    }
}
