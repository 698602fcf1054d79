package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.command.deadline.DeadlineSweeper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Negotiations over HTTP: offers back and forth, acceptance reserving the car, the races, and expiry. */
@StandaloneSystemTest
@Import(MutableClock.Configuration.class)
class NegotiationEndToEndTest {

    private static final Duration PROCESS_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineSweeper sweeper;

    private CarMarketClient anonymous;
    private CarMarketClient dealer;

    @BeforeEach
    void connect() {
        clock.reset();
        anonymous = new CarMarketClient(port);
        dealer = anonymous.as(anonymous.newUser("DEALER"));
    }

    @Test
    void a_negotiation_ends_with_the_car_reserved_for_the_buyer_at_the_agreed_price() {
        String carId = carForSale("20000.00");
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));

        ResponseEntity<JsonNode> opened = buyer.post("/negotiations",
                Map.of("carId", carId, "amount", "17000.00", "message", "Cash buyer"));
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        String negotiation = "/negotiations/" + opened.getBody().get("negotiationId").asText();
        assertThat(buyer.post(negotiation + "/offers", Map.of("amount", "17500.00")).getBody().get("code").asText())
                .as("offers alternate").isEqualTo("NOT_YOUR_TURN");
        assertThat(dealer.post(negotiation + "/offers", Map.of("amount", "19000.00")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(buyer.post(negotiation + "/offers", Map.of("amount", "18200.00")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(dealer.post(negotiation + "/accept", null).getBody().get("status").asText()).isEqualTo("ACCEPTED");

        String negotiationId = opened.getBody().get("negotiationId").asText();
        await().atMost(PROCESS_WAIT).untilAsserted(() -> assertThat(events(negotiationId))
                .anyMatch(event -> event instanceof PurchaseArranged));
        assertThat(events(carId)).anyMatch(event -> event instanceof PurchaseReserved reserved
                && reserved.customerId().equals(buyer.userId())
                && reserved.price().compareTo(new java.math.BigDecimal("18200.00")) == 0);
    }

    @Test
    void when_the_dealer_accepts_two_buyers_at_once_exactly_one_reserves_the_car_and_the_other_fails() throws Exception {
        String carId = carForSale("30000.00");
        List<String> negotiations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
            negotiations.add(buyer.post("/negotiations", Map.of("carId", carId, "amount", "28000.00")).getBody()
                    .get("negotiationId").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (String negotiationId : negotiations) {
            accepted.add(pool.submit(() -> {
                start.await();
                return dealer.post("/negotiations/" + negotiationId + "/accept", null).getStatusCode().value();
            }));
        }
        start.countDown();
        for (Future<Integer> status : accepted) {
            assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        pool.shutdown();

        await().atMost(PROCESS_WAIT).untilAsserted(() -> {
            long arranged = negotiations.stream().filter(id -> events(id).stream()
                    .anyMatch(event -> event instanceof PurchaseArranged)).count();
            long failed = negotiations.stream().filter(id -> events(id).stream()
                    .anyMatch(event -> event instanceof NegotiationFailed failure
                            && failure.reasonCode().equals("CAR_ALREADY_RESERVED"))).count();
            assertThat(arranged).isEqualTo(1);
            assertThat(failed).isEqualTo(1);
        });
        assertThat(events(carId).stream().filter(event -> event instanceof PurchaseReserved).count()).isEqualTo(1);
    }

    @Test
    void of_concurrent_openings_by_one_buyer_on_one_car_exactly_one_succeeds() throws Exception {
        String carId = carForSale("15000.00");
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return buyer.post("/negotiations", Map.of("carId", carId, "amount", "14000.00")).getStatusCode().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void an_unanswered_offer_expires_after_48_hours_and_the_buyer_may_open_again() {
        String carId = carForSale("12000.00");
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String negotiationId = buyer.post("/negotiations", Map.of("carId", carId, "amount", "11000.00")).getBody()
                .get("negotiationId").asText();

        clock.advance(Duration.ofHours(49));
        sweeper.sweep();

        assertThat(events(negotiationId)).anyMatch(event -> event instanceof OfferExpired);
        assertThat(dealer.post("/negotiations/" + negotiationId + "/accept", null).getStatusCode().value())
                .isEqualTo(409);
        assertThat(buyer.post("/negotiations", Map.of("carId", carId, "amount", "11500.00")).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void the_cars_dealer_cannot_open_and_a_stranger_cannot_see_a_negotiation() {
        String carId = carForSale("9000.00");
        assertThat(dealer.post("/negotiations", Map.of("carId", carId, "amount", "8000.00")).getStatusCode().value())
                .as("dealers do not open negotiations").isEqualTo(403);
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String negotiationId = buyer.post("/negotiations", Map.of("carId", carId, "amount", "8000.00")).getBody()
                .get("negotiationId").asText();

        CarMarketClient stranger = anonymous.as(anonymous.newUser("CUSTOMER"));
        assertThat(stranger.post("/negotiations/" + negotiationId + "/accept", null).getStatusCode().value())
                .isEqualTo(404);
        CarMarketClient rental = anonymous;
        String rentalOnly = dealer.listCar(rental.carListing("RentOnly"));
        assertThat(buyer.post("/negotiations", Map.of("carId", rentalOnly, "amount", "100.00")).getBody()
                .get("code").asText()).isEqualTo("CAR_NOT_FOR_SALE");
        assertThat(buyer.post("/negotiations", Map.of("carId", "no-such-car", "amount", "100.00"))
                .getStatusCode().value()).isEqualTo(404);
    }

    private String carForSale(String askingPrice) {
        return dealer.listCar((ObjectNode) anonymous.carListing("Deal").put("askingPrice", askingPrice));
    }

    private List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(event -> (Object) event.getPayload()).toList();
    }
}
