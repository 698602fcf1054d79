package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The negotiation read side over HTTP against the whole standalone system: the lists and the offer history as the
 * buyer, the dealer, admins, auditors and strangers see them; the count of offers awaiting the caller's answer; the
 * arranged purchase after acceptance; and the notification that tells another negotiating buyer the car was
 * reserved.
 */
@StandaloneSystemTest
class NegotiationReadEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";

    @LocalServerPort
    int port;

    private CarMarketClient anonymous;
    private Session dealerSession;
    private CarMarketClient dealer;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        dealerSession = anonymous.newUser("DEALER");
        dealer = anonymous.as(dealerSession);
    }

    @Test
    void the_buyer_and_the_dealer_see_the_negotiation_with_its_offer_history_and_nobody_else_does() {
        String make = uniqueMake();
        String carId = carForSale(make, "20000.00");
        Session buyerSession = anonymous.newUser("CUSTOMER");
        CarMarketClient buyer = anonymous.as(buyerSession);
        String negotiationId = open(buyer, carId, "17000.00", "Cash buyer");
        assertThat(dealer.post("/negotiations/" + negotiationId + "/offers",
                Map.of("amount", "19000.00", "message", "Best I can do")).getStatusCode().value()).isEqualTo(200);

        JsonNode mine = await().atMost(PROJECTION_WAIT).until(
                () -> findItem(buyer.get("/negotiations"), negotiationId).orElse(null),
                negotiation -> negotiation != null && negotiation.get("offers").size() == 2);
        assertThat(mine.get("status").asText()).isEqualTo("OPEN");
        assertThat(mine.get("carId").asText()).isEqualTo(carId);
        assertThat(mine.get("car").get("make").asText()).isEqualTo(make);
        assertThat(mine.get("buyerId").asText()).isEqualTo(buyerSession.userId());
        assertThat(mine.get("dealerId").asText()).isEqualTo(dealerSession.userId());
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");
        JsonNode opening = mine.get("offers").get(0);
        assertThat(opening.get("number").asInt()).isEqualTo(1);
        assertThat(opening.get("by").asText()).isEqualTo("BUYER");
        assertThat(opening.get("amount").decimalValue()).isEqualByComparingTo("17000.00");
        assertThat(opening.get("message").asText()).isEqualTo("Cash buyer");
        assertThat(opening.hasNonNull("madeAt")).isTrue();
        assertThat(opening.hasNonNull("expiresAt")).isTrue();
        JsonNode counter = mine.get("offers").get(1);
        assertThat(counter.get("by").asText()).isEqualTo("DEALER");
        assertThat(counter.get("amount").decimalValue()).isEqualByComparingTo("19000.00");
        assertThat(mine.get("latestOfferBy").asText()).isEqualTo("DEALER");
        assertThat(mine.get("awaitingAnswerFrom").asText()).isEqualTo("BUYER");

        assertThat(findItem(dealer.get("/negotiations"), negotiationId)).as("the car's dealer").isPresent();
        ResponseEntity<JsonNode> dealersView = dealer.get("/negotiations/" + negotiationId);
        assertThat(dealersView.getStatusCode().value()).isEqualTo(200);
        assertThat(dealersView.getBody().get("offers").size()).isEqualTo(2);
        assertThat(buyer.get("/negotiations/" + negotiationId).getBody().get("negotiationId").asText())
                .isEqualTo(negotiationId);
        assertThat(findItem(buyer.get("/negotiations?as=buyer&status=OPEN"), negotiationId)).isPresent();
        assertThat(findItem(buyer.get("/negotiations?as=dealer"), negotiationId)).isEmpty();
        assertThat(findItem(dealer.get("/negotiations?as=dealer"), negotiationId)).isPresent();
        assertThat(findItem(buyer.get("/negotiations?status=CANCELLED&status=ACCEPTED"), negotiationId)).isEmpty();

        CarMarketClient stranger = anonymous.as(anonymous.newUser("CUSTOMER"));
        ResponseEntity<JsonNode> strangers = stranger.get("/negotiations/" + negotiationId);
        assertThat(strangers.getStatusCode().value()).as("existence does not leak").isEqualTo(404);
        assertThat(strangers.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(strangers.getBody().get("code").asText()).isEqualTo("NEGOTIATION_NOT_FOUND");
        assertThat(findItem(stranger.get("/negotiations"), negotiationId)).isEmpty();
        CarMarketClient otherDealer = anonymous.as(anonymous.newUser("DEALER"));
        assertThat(otherDealer.get("/negotiations/" + negotiationId).getStatusCode().value()).isEqualTo(404);

        CarMarketClient admin = anonymous.as(anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD));
        assertThat(admin.get("/negotiations/" + negotiationId).getStatusCode().value()).isEqualTo(200);
        assertThat(auditor(admin).get("/negotiations/" + negotiationId).getStatusCode().value()).isEqualTo(200);

        assertThat(anonymous.get("/negotiations").getStatusCode().value()).as("anonymous").isEqualTo(401);
        assertThat(anonymous.get("/negotiations/" + negotiationId).getStatusCode().value()).isEqualTo(401);
        assertBadParameter(buyer, "/negotiations?as=seller", "as");
        assertBadParameter(buyer, "/negotiations?status=LOST", "status");
        assertBadParameter(buyer, "/negotiations?limit=101", "limit");
        assertBadParameter(buyer, "/negotiations?cursor=made-up", "cursor");
    }

    @Test
    void the_dealers_count_of_offers_awaiting_their_answer_goes_from_one_to_zero_after_countering() {
        String carId = carForSale(uniqueMake(), "15000.00");
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        assertThat(awaitingMyAnswer(dealer)).isZero();

        String negotiationId = open(buyer, carId, "13000.00", null);
        await().atMost(PROJECTION_WAIT).until(() -> awaitingMyAnswer(dealer) == 1);
        assertThat(awaitingMyAnswer(buyer)).isZero();

        assertThat(dealer.post("/negotiations/" + negotiationId + "/offers", Map.of("amount", "14500.00"))
                .getStatusCode().value()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).until(() -> awaitingMyAnswer(dealer) == 0);
        await().atMost(PROJECTION_WAIT).until(() -> awaitingMyAnswer(buyer) == 1);
    }

    @Test
    void after_acceptance_the_buyer_sees_the_order_number_and_another_negotiating_buyer_is_told_of_the_reservation() {
        String carId = carForSale(uniqueMake(), "25000.00");
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        CarMarketClient otherBuyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String negotiationId = open(buyer, carId, "23000.00", "Ready to buy");
        String otherNegotiationId = open(otherBuyer, carId, "22000.00", null);
        await().atMost(PROJECTION_WAIT).until(() -> awaitingMyAnswer(dealer) == 2);

        assertThat(dealer.post("/negotiations/" + negotiationId + "/accept", null).getStatusCode().value())
                .isEqualTo(200);

        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode negotiation = buyer.get("/negotiations/" + negotiationId).getBody();
            assertThat(negotiation.path("purchase").path("orderNumber").asText()).isNotBlank();
            seen.set(negotiation);
        });
        JsonNode accepted = seen.get();
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("agreedAmount").decimalValue()).isEqualByComparingTo("23000.00");
        assertThat(accepted.has("awaitingAnswerFrom")).isFalse();
        String orderNumber = accepted.get("purchase").get("orderNumber").asText();
        assertThat(accepted.get("purchase").get("reservationId").asText()).isNotBlank();

        JsonNode arranged = awaitNotification(buyer, negotiationId, "NEGOTIATION_PURCHASE_ARRANGED");
        assertThat(arranged.get("message").asText()).contains(orderNumber);
        assertThat(arranged.get("carId").asText()).isEqualTo(carId);

        JsonNode toldOfReservation = awaitNotification(otherBuyer, otherNegotiationId, "NEGOTIATION_CAR_RESERVED");
        assertThat(toldOfReservation.get("message").asText()).contains("reserved for purchase by another buyer");
        assertThat(toldOfReservation.has("reservationId")).as("someone else's reservation").isFalse();
        assertThat(otherBuyer.get("/negotiations/" + otherNegotiationId).getBody().get("status").asText())
                .as("still open until the car is sold").isEqualTo("OPEN");
        assertThat(items(buyer.get("/notifications").getBody()))
                .extracting(item -> item.get("type").asText()).doesNotContain("NEGOTIATION_CAR_RESERVED");
    }

    private String carForSale(String make, String askingPrice) {
        return dealer.listCar((ObjectNode) anonymous.carListing(make).put("askingPrice", askingPrice));
    }

    private static String open(CarMarketClient buyer, String carId, String amount, String message) {
        Map<String, String> body = message == null ? Map.of("carId", carId, "amount", amount)
                : Map.of("carId", carId, "amount", amount, "message", message);
        ResponseEntity<JsonNode> opened = buyer.post("/negotiations", body);
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        return opened.getBody().get("negotiationId").asText();
    }

    private static long awaitingMyAnswer(CarMarketClient as) {
        ResponseEntity<JsonNode> summary = as.get("/negotiations/summary");
        assertThat(summary.getStatusCode().value()).as("%s", summary.getBody()).isEqualTo(200);
        return summary.getBody().get("awaitingMyAnswer").asLong();
    }

    private static JsonNode awaitNotification(CarMarketClient as, String negotiationId, String type) {
        return await().atMost(PROJECTION_WAIT).until(() -> items(as.get("/notifications").getBody()).stream()
                        .filter(item -> negotiationId.equals(item.path("negotiationId").asText(null)))
                        .filter(item -> type.equals(item.get("type").asText()))
                        .findFirst().orElse(null),
                notification -> notification != null);
    }

    private CarMarketClient auditor(CarMarketClient admin) {
        String email = "auditor-" + UUID.randomUUID() + "@test.example";
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("email", email)
                .put("password", "Ledger-Check-77").put("name", "Auditor");
        assertThat(admin.post("/admin/auditors", body).getStatusCode().value()).isEqualTo(201);
        return anonymous.as(anonymous.login(email, "Ledger-Check-77"));
    }

    private static Optional<JsonNode> findItem(ResponseEntity<JsonNode> response, String negotiationId) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return items(response.getBody()).stream()
                .filter(item -> negotiationId.equals(item.get("negotiationId").asText())).findFirst();
    }

    private static void assertBadParameter(CarMarketClient as, String pathAndQuery, String parameter) {
        ResponseEntity<JsonNode> response = as.get(pathAndQuery);
        assertThat(response.getStatusCode().value()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.getBody().get("errors").has(parameter)).as("%s", response.getBody()).isTrue();
    }

    private static String uniqueMake() {
        return "Make" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
