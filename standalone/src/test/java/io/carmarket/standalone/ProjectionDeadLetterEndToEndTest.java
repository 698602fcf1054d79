package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.Pricing;
import io.carmarket.standalone.CarMarketClient.Session;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a projection cannot handle is parked in its dead-letter queue with the later events of its car, and the
 * projection goes on with every other car; the projections list counts what is parked and shows why.
 */
@StandaloneSystemTest
class ProjectionDeadLetterEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private CarMarketClient anonymous;
    private CarMarketClient admin;
    private CarMarketClient dealer;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        admin = anonymous.as(anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD));
        Session dealerSession = anonymous.newUser("DEALER");
        dealer = anonymous.as(dealerSession);
    }

    @Test
    void a_car_the_search_cannot_project_is_parked_and_every_other_car_is_still_found() {
        long parkedBefore = searchProjection().path("deadLetters").asLong();
        String broken = "broken-" + UUID.randomUUID();
        // A listing without description or location: the search projection's handler fails on it (the write side's
        // own handlers of listings, which run as it is published, need only its price).
        Pricing pricing = new Pricing(new BigDecimal("40.00"), null, Currency.getInstance("EUR"));
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("Car", broken, 0,
                        new CarListed(broken, "dealer-x", null, null, null, null, pricing, 30, Instant.now())),
                new GenericDomainEventMessage<>("Car", broken, 1, new CarFeatureChanged(broken, true))));

        String make = "Parkedtest" + UUID.randomUUID().toString().substring(0, 6);
        String listedAfter = dealer.listCar(dealer.carListing(make));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(CarMarketClient.items(anonymous.search("make=" + make)))
                    .extracting(car -> car.path("carId").asText()).containsExactly(listedAfter);
            JsonNode search = searchProjection();
            assertThat(search.path("deadLetters").asLong()).isEqualTo(parkedBefore + 2);
            assertThat(search.path("state").asText()).isEqualTo("RUNNING");
            assertThat(search.path("lastError").path("message").asText()).contains("NullPointerException");
        });
        assertThat(anonymous.get("/cars/" + broken).getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode searchProjection() {
        return admin.get("/admin/projections/car-search").getBody();
    }
}
