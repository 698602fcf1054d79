package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused command over HTTP changes nothing and costs nothing later: no event, and the car stays in the
 * repository's cache, so the next command of a busy car does not rebuild it from the event store (D37).
 */
@StandaloneSystemTest
class RefusedCommandEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("carCache")
    Cache carCache;

    private CarMarketClient dealer;
    private CarMarketClient customer;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void connect() {
        CarMarketClient client = new CarMarketClient(port);
        dealer = client.as(client.newUser("DEALER"));
        customer = client.as(client.newUser("CUSTOMER"));
    }

    @Test
    void a_refused_booking_appends_no_event_and_leaves_the_car_cached() {
        String carId = dealer.listCar(dealer.carListing("Refused"));
        assertThat(customer.book(carId, today.plusDays(10), today.plusDays(13)).getStatusCode().value())
                .isEqualTo(201);
        long versionBefore = lastSequenceNumberOf(carId);

        ResponseEntity<JsonNode> overlapping = customer.book(carId, today.plusDays(12), today.plusDays(15));

        assertThat(overlapping.getStatusCode().value()).isEqualTo(409);
        assertThat(lastSequenceNumberOf(carId)).isEqualTo(versionBefore);
        assertThat(carCache.containsKey(carId)).isTrue();
    }

    @Test
    void after_a_refusal_the_cached_car_takes_the_next_booking() {
        String carId = dealer.listCar(dealer.carListing("Refused"));
        customer.book(carId, today.plusDays(10), today.plusDays(13));
        customer.book(carId, today.plusDays(11), today.plusDays(12));

        ResponseEntity<JsonNode> next = customer.book(carId, today.plusDays(20), today.plusDays(22));

        assertThat(next.getStatusCode().value()).isEqualTo(201);
        assertThat(next.getBody().get("status").asText()).isEqualTo("CONFIRMED");
    }

    private long lastSequenceNumberOf(String carId) {
        return eventStore.lastSequenceNumberFor(carId).orElseThrow();
    }
}
