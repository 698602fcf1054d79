package io.carmarket.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.command.car.OrderNumbers;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doThrow;

/**
 * The negotiation's process is a saga on a tracking processor (docs/architecture.md D23). When its handling of an
 * event fails for a moment, the processor hands it the event again and the process takes its step then: the event
 * is not skipped. The same holds for a process killed while it handles an event (KillNineSurvivalTest).
 */
@StandaloneSystemTest
class NegotiationProcessRetryEndToEndTest {

    /** The processor retries after one second, then two, four... */
    private static final Duration RETRY_WAIT = Duration.ofSeconds(30);
    private static final String ASKING_PRICE = "20000.00";
    private static final String OFFER = "18000.00";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    OrderNumbers orderNumbers;

    @Autowired
    EventStore eventStore;

    @Test
    void an_acceptance_the_process_failed_to_handle_once_still_reserves_the_car_for_the_buyer() {
        CarMarketClient anonymous = new CarMarketClient(port);
        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String carId = dealer.listCar((ObjectNode) anonymous.carListing("Retry").put("askingPrice", ASKING_PRICE));
        String negotiationId = buyer.post("/negotiations", Map.of("carId", carId, "amount", OFFER)).getBody()
                .get("negotiationId").asText();
        doThrow(new TransientDataAccessResourceException("The order-number counter did not answer"))
                .doCallRealMethod().when(orderNumbers).next();

        assertThat(dealer.post("/negotiations/" + negotiationId + "/accept", null).getStatusCode().value())
                .isEqualTo(200);

        await().atMost(RETRY_WAIT).untilAsserted(() ->
                assertThat(events(negotiationId)).anyMatch(PurchaseArranged.class::isInstance));
        assertThat(events(carId)).filteredOn(PurchaseReserved.class::isInstance).hasSize(1);
    }

    private List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(event -> (Object) event.getPayload()).toList();
    }
}
