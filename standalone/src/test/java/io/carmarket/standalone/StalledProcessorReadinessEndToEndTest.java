package io.carmarket.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.command.car.OrderNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doThrow;

/**
 * Readiness says whether the event processors keep up: while one is stopped by an error and waits to retry, the
 * instance is not ready (503), and it is ready again once the processor has moved on. Here the negotiation process
 * fails three times in a row on a store that does not answer, so its processor waits 1, 2 and 4 seconds.
 * <p>
 * Shares its system with {@link NegotiationProcessRetryEndToEndTest} (the same spied bean).
 */
@StandaloneSystemTest
class StalledProcessorReadinessEndToEndTest {

    private static final String READINESS = "/actuator/health/readiness";
    private static final Duration STALL_NOTICED = Duration.ofSeconds(10);
    private static final Duration RETRIES_DONE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @MockitoSpyBean
    OrderNumbers orderNumbers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_instance_whose_processor_is_stalled_by_an_error_is_not_ready_until_the_processor_moves_on() throws Exception {
        CarMarketClient anonymous = new CarMarketClient(port);
        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String carId = dealer.listCar((ObjectNode) anonymous.carListing("Stall").put("askingPrice", "20000.00"));
        String negotiationId = buyer.post("/negotiations", Map.of("carId", carId, "amount", "18000.00")).getBody()
                .get("negotiationId").asText();
        assertThat(readiness()).as("ready before anything fails").isEqualTo(200);
        TransientDataAccessResourceException unavailable =
                new TransientDataAccessResourceException("The order-number counter did not answer");
        doThrow(unavailable).doThrow(unavailable).doThrow(unavailable).doCallRealMethod()
                .when(orderNumbers).next();

        dealer.post("/negotiations/" + negotiationId + "/accept", null);

        await().atMost(STALL_NOTICED).untilAsserted(() -> assertThat(readiness()).isEqualTo(503));
        await().atMost(RETRIES_DONE).untilAsserted(() -> assertThat(readiness()).isEqualTo(200));
    }

    private int readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + READINESS)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
